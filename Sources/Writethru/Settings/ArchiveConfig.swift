import Foundation
import StoryDiff
import StoryText
import WritethruSupport

/// The archive's settings, kept in `writethru.json` on the `main` branch (docs/settings.md).
///
/// Every key but `format` is optional: each section of the file is decoded over the same
/// section of repo-template/writethru.json, the file every new archive starts with, key by
/// key. The template is the only source of defaults; the Swift types' own default values
/// (for library users without an archive) are checked against it by `SettingsTests`.
public struct ArchiveConfig: Sendable, Equatable {
    /// The storage format version this build of Writethru reads and writes.
    public static let currentFormat = 1
    public static let fileName = "writethru.json"

    public var format: Int
    /// How inputs are read. Built when first asked for: a command that reads no input (`log`,
    /// `stories`) never compiles the boilerplate rules' regular expressions.
    public var reading: ReadingOptions {
        get { readingSource.value }
        set { readingSource = Lazy(newValue) }
    }
    private var readingSource: Lazy<ReadingOptions>
    public var identity: IdentitySettings
    /// The diff engine's thresholds and limits.
    public var diff: DiffSettings
    /// Who appears as committer of every recorded revision.
    public var recorderName: String
    public var recorderEmail: String
    /// fsync every object and ref as it is written.
    public var fsync: Bool
    /// The program run after each recorded revision, and its time limit (docs/hooks.md).
    public var hooks: HookSettings
    /// How `capture` fetches: identity, schedule, politeness (docs/capture.md).
    public var capture: CaptureSettings
    /// `capture`'s durations in seconds, checked when the file was read.
    public var captureSchedule: CaptureSchedule

    /// The settings of repo-template/writethru.json: what a new archive starts with, what a
    /// key missing from an archive's file falls back to, and what `parse` uses with no archive.
    public static let standard: ArchiveConfig = {
        do {
            if let file = SettingsFile.plainStandard() { return try decode(file) }
            return try decode(try SettingsFile.decoded(SettingsFile.template))
        } catch {
            // The template is compiled in and checked by the tests: this cannot happen in a
            // build that passed them.
            preconditionFailure("repo-template/\(fileName) is not valid: \(error)")
        }
    }()

    /// Parses `writethru.json`. Throws a one-line reason for anything malformed.
    public static func parse(_ bytes: [UInt8]) throws(WritethruError) -> ArchiveConfig {
        if let file = SettingsFile.plainMerged(bytes) { return try decode(file) }
        return try decode(try SettingsFile.merged(bytes, over: SettingsFile.template))
    }

    /// Builds the settings from a complete file (every key present) and checks their ranges.
    private static func decode(_ file: SettingsFile) throws(WritethruError) -> ArchiveConfig {
        guard let order = ReadingOptions.DateOrder(rawValue: file.reading.dateOrder) else {
            throw invalid("reading.dateOrder must be \"dmy\" or \"mdy\", not \"\(file.reading.dateOrder)\"")
        }
        guard let zone = TimeZone(identifier: file.reading.timeZone) else {
            throw invalid("reading.timeZone \"\(file.reading.timeZone)\" is not a known time zone")
        }
        guard file.boilerplate.learnAfterStories >= 0 else {
            throw invalid("boilerplate.learnAfterStories must be 0 (off) or more")
        }
        let ruleFiles = file.boilerplate.rules
        let matches = try ruleFiles.map { rule throws(WritethruError) in try rule.match() }
        let learnAfterStories = file.boilerplate.learnAfterStories
        let build: @Sendable () -> ReadingOptions = {
            let rules = zip(ruleFiles, matches).map { rule, match in
                BoilerplateRule(name: rule.name, match: match, maxLength: rule.maxLength,
                                dropsRest: rule.dropRest ?? false)
            }
            return ReadingOptions(dateOrder: order, timeZone: zone,
                                  boilerplate: BoilerplateSettings(rules: rules, learnAfterStories: learnAfterStories))
        }
        // Only a regular expression can make the rules invalid, and the template's all compile
        // (SettingsTests): rules with no other expression are built when first used; any other
        // is compiled and checked here, as the file is read.
        let reading: Lazy<ReadingOptions>
        if matches.allSatisfy({ match in
            guard case .regex(let source) = match else { return true }
            return SettingsFile.templateRegexes.contains(source)
        }) {
            reading = Lazy(computing: build)
        } else {
            let built = build()
            if let problem = built.boilerplate.validate() { throw invalid(problem) }
            reading = Lazy(built)
        }
        let identity = file.identity
        guard identity.headlineWindowDays >= 0, identity.similarityWindowDays >= 0,
              (0...1).contains(identity.similarityThreshold) else {
            throw invalid("identity windows must be 0 or more days, and similarityThreshold between 0 and 1")
        }
        if let problem = SettingsFile.problem(with: file.diff) { throw invalid(problem) }
        guard file.hooks.timeoutSeconds > 0, file.hooks.timeoutSeconds <= HookSettings.longestTimeout else {
            throw invalid("hooks.timeoutSeconds must be more than 0 and at most \(Int(HookSettings.longestTimeout))")
        }
        let schedule: CaptureSchedule
        switch file.capture.checked() {
        case .success(let checked): schedule = checked
        case .failure(let problem): throw invalid(problem.reason)
        }
        return ArchiveConfig(format: file.format, readingSource: reading, identity: identity, diff: file.diff,
                             recorderName: file.recorder.name, recorderEmail: file.recorder.email,
                             fsync: file.durability.fsync, hooks: file.hooks, capture: file.capture,
                             captureSchedule: schedule)
    }

    public static func == (a: ArchiveConfig, b: ArchiveConfig) -> Bool {
        a.format == b.format && a.reading == b.reading && a.identity == b.identity && a.diff == b.diff
            && a.recorderName == b.recorderName && a.recorderEmail == b.recorderEmail && a.fsync == b.fsync
            && a.hooks == b.hooks && a.capture == b.capture
    }

    static func invalid(_ reason: String) -> WritethruError {
        .notAnArchive(path: fileName, reason: "its \(fileName) is not valid: \(reason)")
    }
}

