import Foundation
import StoryDiff
import StoryText
import TestSupport
import Testing
@testable import Writethru

/// writethru.json: each section read over the template's, the template the only source of
/// defaults, and docs/settings.md's table equal to it.
@Suite struct SettingsTests {
    private func parse(_ json: String) throws -> ArchiveConfig { try ArchiveConfig.parse(Array(json.utf8)) }

    @Test func missingKeysTakeTheTemplateDefaults() throws {
        let config = try parse(#"{"format": 1, "reading": {"dateOrder": "mdy", "timeZone": "America/New_York"}}"#)
        #expect(config.reading.dateOrder == .monthDayYear)
        #expect(config.reading.timeZone.identifier == "America/New_York")
        #expect(config.reading.boilerplate == ArchiveConfig.standard.reading.boilerplate)
        #expect(config.reading.boilerplate.rules.count >= 10)
    }

    @Test func rulesCanBeReplaced() throws {
        let config = try parse(#"{"format": 1, "boilerplate": {"learnAfterStories": 0, "rules": [{"name": "x", "exact": "Advert"}]}}"#)
        #expect(config.reading.boilerplate == BoilerplateSettings(rules: [BoilerplateRule(name: "x", match: .exact(["Advert"]))],
                                                                   learnAfterStories: 0))
    }

    @Test(arguments: [
        (#"{"format": 1, "boilerplate": {"rules": [{"name": "x", "regex": "([unclosed"}]}}"#, "invalid regular expression"),
        (#"{"format": 1, "boilerplate": {"rules": [{"name": "x", "prefix": "a", "contains": "b"}]}}"#, "exactly one of"),
        (#"{"format": 1, "reading": {"timeZone": "Mars/Olympus"}}"#, "not a known time zone"),
        (#"{"format": 1, "reading": {"dateOrder": "ymd"}}"#, "dateOrder"),
        (#"{"reading": {}}"#, "missing key \"format\""),
        ("not json", "not JSON"),
    ])
    func malformedSettingsAreNamed(json: String, problem: String) {
        do throws(WritethruError) {
            _ = try ArchiveConfig.parse(Array(json.utf8))
            Issue.record("\(json) was accepted")
        } catch {
            #expect(error.description.contains(problem), "\(error.description)")
        }
    }

    @Test func aSectionIsReadKeyByKeyOverTheTemplates() throws {
        let config = try parse(#"{"format": 1, "diff": {"moveThreshold": 0.5}, "identity": {"headlineWindowDays": 1}}"#)
        var expected = ArchiveConfig.standard
        expected.diff.moveThreshold = 0.5
        expected.identity.headlineWindowDays = 1
        #expect(config == expected)
        #expect(config.diff.maximumSplit == ArchiveConfig.standard.diff.maximumSplit)
    }

    @Test func aWrongTypeIsNamedByItsPath() {
        #expect(throws: WritethruError.notAnArchive(path: "writethru.json",
                                                    reason: "its writethru.json is not valid: wrong type at diff.maximumSplit")) {
            try ArchiveConfig.parse(Array(#"{"format": 1, "diff": {"maximumSplit": "four"}}"#.utf8))
        }
    }

    /// A hook's time limit must be more than 0 and at most an hour.
    @Test(arguments: [("0", false), ("-1", false), ("3601", false), ("0.5", true), ("3600", true)])
    func theHookTimeoutHasARange(seconds: String, valid: Bool) throws {
        do throws(WritethruError) {
            let config = try ArchiveConfig.parse(Array(#"{"format": 1, "hooks": {"timeoutSeconds": \#(seconds)}}"#.utf8))
            #expect(valid, "\(seconds) was accepted")
            #expect(config.hooks == HookSettings(timeoutSeconds: Double(seconds) ?? 0))
        } catch {
            #expect(!valid, "\(seconds): \(error.description)")
            #expect(error.exitCode == 68)
            #expect(error.description.contains("hooks.timeoutSeconds must be more than 0 and at most 3600"))
        }
    }

    /// The settings read straight from the parsed JSON (`SettingsFile.plain`) are what
    /// `JSONDecoder` reads; whatever `plain` does not take is left to `JSONDecoder`.
    @Test(arguments: [
        #"{"format": 1}"#,
        #"{"format": 2, "durability": {"fsync": true}, "recorder": {"name": "Desk \u00e9", "email": "d@x"}}"#,
        #"{"format": 1, "diff": {"moveThreshold": 0.30000000000000004, "changeThreshold": 1, "splitThreshold": 1e-7}}"#,
        #"{"format": 1, "diff": {"sentenceGroupMargin": 0.1, "sentenceWithinThreshold": 5e-324, "moveThreshold": -0.0}}"#,
        #"{"format": 1, "diff": {"maximumSplit": 1.0, "keyWordLength": 1e1, "wordDiffLimit": 12345678901234567890}}"#,
        #"{"format": 1, "diff": {"maximumSplit": true, "moveThreshold": false}, "durability": {"fsync": 1}}"#,
        #"{"format": 1, "diff": {"moveThreshold": null}, "identity": {"similarityThreshold": 0.123456789012345678}}"#,
        #"{"format": 1, "identity": {"headlineWindowDays": 1, "similarityWindowDays": 1.5e2}}"#,
        #"{"format": 1.5}"#, #"{"format": "1"}"#, #"{"format": null}"#, #"{"format": 1, "reading": 3}"#,
        #"{"format": 1, "reading": {"dateOrder": 1}}"#, #"{"format": 1, "extra": {"a": 1}}"#,
        #"{"format": 1, "boilerplate": {"learnAfterStories": 2.0, "rules": [{"name": "a", "exact": ["x", "y"]}]}}"#,
        #"{"format": 1, "boilerplate": {"rules": [{"name": "a", "exact": "x", "maxLength": 3, "dropRest": true}]}}"#,
        #"{"format": 1, "boilerplate": {"rules": [{"name": "a", "exact": null, "prefix": null, "regex": "^x"}]}}"#,
        #"{"format": 1, "boilerplate": {"rules": [{"name": "a", "exact": ["x", 1]}]}}"#,
        #"{"format": 1, "boilerplate": {"rules": [{"name": "a", "maxLength": "3"}, {"exact": "x"}]}}"#,
        #"{"format": 1, "boilerplate": {"rules": [{"name": "a", "dropRest": 0}]}}"#,
        #"{"format": 1, "boilerplate": {"rules": [{"exact": "x"}]}}"#,
        #"{"format": 1, "boilerplate": {"rules": {"name": "a"}}}"#,
        #"{"format": 1, "boilerplate": {"rules": [3]}}"#,
        #"{"format": 1, "hooks": {"timeoutSeconds": 2.5}}"#,
        #"{"format": 1, "hooks": {"postRecord": "/srv/hook"}}"#, #"{"format": 1, "hooks": {"timeoutSeconds": "10"}}"#,
    ])
    func plainReadingIsJSONDecodersReading(json: String) throws {
        let merged = try SettingsFile.mergedJSON(Array(json.utf8), over: SettingsFile.template)
        let decoded = Result { () throws(WritethruError) in try SettingsFile.decoded(merged) }
        if let plain = SettingsFile.plainMerged(Array(json.utf8)) {
            #expect(try decoded.get() == plain)
        }
    }

    /// What `PlainJSONValue` does not plainly read is left to `JSONSerialization` and
    /// `JSONDecoder`: a `\u` escape, a whole number written as a fraction, a repeated key.
    @Test(arguments: [
        #"{"format": 1, "recorder": {"name": "Desk \u00e9"}}"#,
        #"{"format": 1, "diff": {"maximumSplit": 4.0}}"#,
        #"{"format": 1, "format": 1}"#,
        #"{"format": 1, "diff": {"moveThreshold": 1e999}}"#,
    ])
    func whatIsNotPlainIsLeftToJSONDecoder(json: String) {
        #expect(SettingsFile.plainMerged(Array(json.utf8)) == nil)
    }

    /// Read plainly: fractions, exponents, integers where numbers belong, nulls for optional keys.
    @Test func plainReadingTakesFractionsAndExponents() throws {
        let json = #"{"format": 1, "diff": {"moveThreshold": 0.3, "splitThreshold": 1e-1, "changeThreshold": 1}, "#
            + #""capture": {"userAgent": "desk/1.0", "hostInterval": 2.5E0}, "hooks": {"timeoutSeconds": 7}}"#
        let file = try #require(SettingsFile.plainMerged(Array(json.utf8)))
        #expect(file.diff.moveThreshold == 0.3)
        #expect(file.diff.splitThreshold == 0.1)
        #expect(file.diff.changeThreshold == 1)
        #expect(file.capture.userAgent == "desk/1.0")
        #expect(file.capture.hostInterval == 2.5)
        #expect(file.hooks.timeoutSeconds == 7)
        #expect(file.diff.maximumSplit == DiffSettings().maximumSplit)
    }

    /// The template's rules are built when first used, unchecked when the file is read: their
    /// regular expressions must all compile.
    @Test func theTemplatesRegularExpressionsCompile() throws {
        #expect(ArchiveConfig.standard.reading.boilerplate.validate() == nil)
        #expect(!SettingsFile.templateRegexes.isEmpty)
        let config = try parse(#"{"format": 1}"#)
        #expect(config.reading.boilerplate.rules.filter { if case .regex = $0.match { true } else { false } }.count
                    == SettingsFile.templateRegexes.count)
        #expect(config == ArchiveConfig.standard)
    }

    @Test func theTemplateIsReadPlainly() throws {
        #expect(SettingsFile.plainStandard() != nil)
        #expect(try SettingsFile.plainStandard() == SettingsFile.decoded(SettingsFile.template))
    }

    /// The Swift types' own defaults (what a library user gets without an archive) are the
    /// template's: there is one set of defaults.
    @Test func theTypesDefaultsAreTheTemplates() {
        #expect(ArchiveConfig.standard.diff == DiffSettings())
        #expect(ArchiveConfig.standard.identity == IdentitySettings())
        #expect(ArchiveConfig.standard.hooks == HookSettings())
        #expect(ArchiveConfig.standard.reading.dateOrder == ReadingOptions().dateOrder)
        #expect(ArchiveConfig.standard.reading.timeZone == ReadingOptions().timeZone)
    }

    /// Every leaf key of repo-template/writethru.json, as `section.key`, with its JSON value.
    static func templateLeaves() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(try Fixtures.bytes("repo-template/writethru.json")))
        var leaves: [String: Any] = [:]
        for (section, value) in try #require(object as? [String: Any]) {
            if let keys = value as? [String: Any] {
                for (key, leaf) in keys { leaves[section + "." + key] = leaf }
            } else {
                leaves[section] = value
            }
        }
        return leaves
    }

    /// The rows of the key table in a page of docs/: key -> default column.
    static func documentedDefaults(_ page: String = "docs/settings.md") throws -> [String: String] {
        let text = String(decoding: try Fixtures.bytes(page), as: UTF8.self)
        var rows: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            rows[cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[2]
        }
        return rows
    }

    @Test func theDocumentedTableIsTheTemplate() throws {
        let leaves = try Self.templateLeaves()
        let documented = try Self.documentedDefaults()
        #expect(Set(documented.keys) == Set(leaves.keys))
        for (key, value) in leaves {
            let cell = try #require(documented[key], "\(key) is not in docs/settings.md")
            if let items = value as? [Any] {
                // A list's default is counted: its boilerplate rules, its capture schedule's steps.
                let noun = key == "capture.schedule" ? "steps" : "rules"
                #expect(cell == "the template's \(items.count) \(noun)", "\(key)")
                continue
            }
            let literal = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]),
                                 as: UTF8.self)
            #expect(cell == "`\(literal)`", "\(key): docs say \(cell), the template \(literal)")
        }
    }

    /// docs/diff/settings.md explains each diff setting beside its algorithm; its defaults are
    /// the template's too.
    @Test func theDiffGuideTableIsTheTemplate() throws {
        let leaves = try Self.templateLeaves().filter { $0.key.hasPrefix("diff.") }
        let documented = try Self.documentedDefaults("docs/diff/settings.md")
        #expect(Set(documented.keys.map { "diff." + $0 }) == Set(leaves.keys))
        for (key, value) in leaves {
            let literal = String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]),
                                 as: UTF8.self)
            #expect(documented[String(key.dropFirst("diff.".count))] == literal, "\(key)")
        }
    }
}
