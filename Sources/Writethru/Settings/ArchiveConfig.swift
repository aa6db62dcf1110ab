import Foundation
import StoryDiff
import StoryText

/// The archive's settings, kept in `writethru.json` on the `main` branch. Every key but
/// `format` is optional; a missing key takes its value from repo-template/writethru.json,
/// the file every new archive starts with (docs/storage.md, docs/reading.md).
public struct ArchiveConfig: Sendable, Equatable {
    /// The storage format version this build of Writethru reads and writes.
    public static let currentFormat = 1
    public static let fileName = "writethru.json"

    public var format: Int
    public var reading: ReadingOptions
    public var identity: IdentitySettings
    /// The diff engine's thresholds and limits.
    public var diff: DiffSettings
    /// Who appears as committer of every recorded revision.
    public var recorderName: String
    public var recorderEmail: String
    /// fsync every object and ref as it is written.
    public var fsync: Bool

    init(format: Int, reading: ReadingOptions, identity: IdentitySettings, diff: DiffSettings, recorderName: String,
         recorderEmail: String, fsync: Bool) {
        self.format = format
        self.reading = reading
        self.identity = identity
        self.diff = diff
        self.recorderName = recorderName
        self.recorderEmail = recorderEmail
        self.fsync = fsync
    }

    /// The settings of repo-template/writethru.json: what a new archive starts with, what a
    /// key missing from an archive's file falls back to, and what `parse` uses with no archive.
    public static let standard: ArchiveConfig = {
        let bytes = Array((ArchiveTemplate.files[fileName] ?? "").utf8)
        return (try? parse(bytes, fallback: nil)) ?? bare
    }()

    /// Built-in values, for keys that even the template leaves out.
    private static let bare = ArchiveConfig(format: currentFormat, reading: ReadingOptions(), identity: IdentitySettings(),
                                            diff: DiffSettings(), recorderName: "Writethru", recorderEmail: "writethru@localhost", fsync: false)

    /// Parses `writethru.json`. Throws a one-line reason for anything malformed.
    public static func parse(_ bytes: [UInt8]) throws(WritethruError) -> ArchiveConfig {
        try parse(bytes, fallback: { standard })
    }

    /// Each section the file leaves out comes from `fallback` (the template's settings),
    /// which is only computed when some section is missing.
    private static func parse(_ bytes: [UInt8], fallback: (() -> ArchiveConfig)?) throws(WritethruError) -> ArchiveConfig {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw invalid(describe(error))
        }
        let complete = file.reading?.dateOrder != nil && file.reading?.timeZone != nil && file.boilerplate?.rules != nil
            && file.boilerplate?.learnAfterStories != nil && file.identity?.headlineWindowDays != nil
            && file.identity?.similarityWindowDays != nil && file.identity?.similarityThreshold != nil
            && file.recorder?.name != nil && file.recorder?.email != nil && file.durability?.fsync != nil
            && file.diff?.changeThreshold != nil && file.diff?.moveThreshold != nil && file.diff?.splitThreshold != nil
        var config = complete ? bare : (fallback?() ?? bare)
        config.format = file.format
        if let order = file.reading?.dateOrder {
            guard let parsed = ReadingOptions.DateOrder(rawValue: order) else {
                throw invalid("reading.dateOrder must be \"dmy\" or \"mdy\", not \"\(order)\"")
            }
            config.reading.dateOrder = parsed
        }
        if let zone = file.reading?.timeZone {
            guard let parsed = TimeZone(identifier: zone) else { throw invalid("reading.timeZone \"\(zone)\" is not a known time zone") }
            config.reading.timeZone = parsed
        }
        if let boilerplate = file.boilerplate {
            if let rules = boilerplate.rules {
                config.reading.boilerplate.rules = try rules.map { rule throws(WritethruError) in try rule.parsed() }
            }
            if let learn = boilerplate.learnAfterStories {
                guard learn >= 0 else { throw invalid("boilerplate.learnAfterStories must be 0 (off) or more") }
                config.reading.boilerplate.learnAfterStories = learn
            }
            if let problem = config.reading.boilerplate.validate() { throw invalid(problem) }
        }
        if let identity = file.identity {
            config.identity.headlineWindowDays = identity.headlineWindowDays ?? config.identity.headlineWindowDays
            config.identity.similarityWindowDays = identity.similarityWindowDays ?? config.identity.similarityWindowDays
            config.identity.similarityThreshold = identity.similarityThreshold ?? config.identity.similarityThreshold
            guard config.identity.headlineWindowDays >= 0, config.identity.similarityWindowDays >= 0,
                  (0...1).contains(config.identity.similarityThreshold) else {
                throw invalid("identity windows must be 0 or more days, and similarityThreshold between 0 and 1")
            }
        }
        if let diff = file.diff {
            config.diff.changeThreshold = diff.changeThreshold ?? config.diff.changeThreshold
            config.diff.moveThreshold = diff.moveThreshold ?? config.diff.moveThreshold
            config.diff.splitThreshold = diff.splitThreshold ?? config.diff.splitThreshold
            config.diff.maximumSplit = diff.maximumSplit ?? config.diff.maximumSplit
            let thresholds = [config.diff.changeThreshold, config.diff.moveThreshold, config.diff.splitThreshold]
            guard thresholds.allSatisfy({ (0...1).contains($0) }), (2...8).contains(config.diff.maximumSplit) else {
                throw invalid("diff thresholds must be between 0 and 1, and maximumSplit between 2 and 8")
            }
        }
        config.recorderName = file.recorder?.name ?? config.recorderName
        config.recorderEmail = file.recorder?.email ?? config.recorderEmail
        config.fsync = file.durability?.fsync ?? config.fsync
        return config
    }

    private static func invalid(_ reason: String) -> WritethruError {
        .notAnArchive(path: fileName, reason: "its \(fileName) is not valid: \(reason)")
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not JSON"
        }
    }

    private struct File: Decodable {
        var format: Int
        var reading: Reading?
        var boilerplate: Boilerplate?
        var identity: Identity?
        var diff: Diff?
        var recorder: Recorder?
        var durability: Durability?
        struct Reading: Decodable { var dateOrder: String?; var timeZone: String? }
        struct Recorder: Decodable { var name: String?; var email: String? }
        struct Durability: Decodable { var fsync: Bool? }
        struct Diff: Decodable {
            var changeThreshold: Double?
            var moveThreshold: Double?
            var splitThreshold: Double?
            var maximumSplit: Int?
        }
        struct Identity: Decodable {
            var headlineWindowDays: Double?
            var similarityWindowDays: Double?
            var similarityThreshold: Double?
        }
        struct Boilerplate: Decodable { var learnAfterStories: Int?; var rules: [Rule]? }

        struct Rule: Decodable {
            var name: String
            var exact: Exact?
            var prefix: String?
            var contains: String?
            var regex: String?
            var maxLength: Int?
            var dropRest: Bool?

            /// `"exact"` takes one string or a list of them.
            struct Exact: Decodable {
                var texts: [String]
                init(from decoder: Decoder) throws {
                    let container = try decoder.singleValueContainer()
                    if let one = try? container.decode(String.self) { texts = [one] } else { texts = try container.decode([String].self) }
                }
            }

            func parsed() throws(WritethruError) -> BoilerplateRule {
                let matches: [BoilerplateRule.Match] = [exact.map { .exact($0.texts) }, prefix.map { .prefix($0) },
                                                        contains.map { .contains($0) }, regex.map { .regex($0) }].compactMap { $0 }
                guard matches.count == 1, let match = matches.first else {
                    throw ArchiveConfig.invalid("boilerplate rule '\(name)' needs exactly one of exact, prefix, contains, regex")
                }
                return BoilerplateRule(name: name, match: match, maxLength: maxLength, dropsRest: dropRest ?? false)
            }
        }
    }
}
