import Foundation
import StoryDiff
import StoryText

/// `writethru.json` as written, section by section: every key required. A file read from an
/// archive is first merged over the template (`merged(_:over:)`), so a key it leaves out takes
/// the template's value and the decoders never need a default of their own.
struct SettingsFile: Decodable {
    var format: Int
    var reading: Reading
    var boilerplate: Boilerplate
    var identity: IdentitySettings
    var diff: DiffSettings
    var recorder: Recorder
    var durability: Durability

    struct Reading: Decodable {
        var dateOrder: String
        var timeZone: String
    }
    struct Recorder: Decodable {
        var name: String
        var email: String
    }
    struct Durability: Decodable { var fsync: Bool }
    struct Boilerplate: Decodable {
        var learnAfterStories: Int
        var rules: [Rule]
    }

    /// One boilerplate rule: a name, exactly one of `exact` (a string or a list), `prefix`,
    /// `contains`, `regex`, and optionally `maxLength` and `dropRest`.
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
                if let one = try? container.decode(String.self) {
                    texts = [one]
                } else {
                    texts = try container.decode([String].self)
                }
            }
        }

        func parsed() throws(WritethruError) -> BoilerplateRule {
            let matches: [BoilerplateRule.Match] = [exact.map { .exact($0.texts) }, prefix.map { .prefix($0) },
                                                    contains.map { .contains($0) }, regex.map { .regex($0) }]
                .compactMap { $0 }
            guard matches.count == 1, let match = matches.first else {
                throw ArchiveConfig.invalid("boilerplate rule '\(name)' needs exactly one of "
                                                + "exact, prefix, contains, regex")
            }
            return BoilerplateRule(name: name, match: match, maxLength: maxLength, dropsRest: dropRest ?? false)
        }
    }

    /// repo-template/writethru.json as parsed JSON: the defaults of every key. Parsed when
    /// asked for (tens of microseconds), once per archive opened.
    static var template: [String: Any] {
        let text = ArchiveTemplate.files[ArchiveConfig.fileName] ?? "{}"
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// Decodes a complete file (parsed JSON with every key).
    static func decode(_ json: [String: Any]) throws(WritethruError) -> SettingsFile {
        do {
            let data = try JSONSerialization.data(withJSONObject: json)
            return try JSONDecoder().decode(SettingsFile.self, from: data)
        } catch {
            throw ArchiveConfig.invalid(describe(error))
        }
    }

    /// `bytes` (an archive's writethru.json) with each section laid key by key over the same
    /// section of `defaults`; `format` is required. A section that is not an object, or a file
    /// that is not a JSON object, is refused.
    static func merged(_ bytes: [UInt8], over defaults: [String: Any]) throws(WritethruError) -> SettingsFile {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let file = object as? [String: Any] else {
            throw ArchiveConfig.invalid("not JSON")
        }
        guard file["format"] != nil else { throw ArchiveConfig.invalid("missing key \"format\"") }
        var merged = defaults
        for (key, value) in file {
            if let section = value as? [String: Any], let base = defaults[key] as? [String: Any] {
                merged[key] = base.merging(section) { _, mine in mine }
            } else {
                merged[key] = value
            }
        }
        return try decode(merged)
    }

    /// The first range problem of the diff section, if any.
    static func problem(with diff: DiffSettings) -> String? {
        let thresholds = [diff.changeThreshold, diff.moveThreshold, diff.splitThreshold, diff.sentenceWithinThreshold,
                          diff.sentenceAcrossThreshold, diff.sentenceGroupMargin, diff.sentenceReintroductionThreshold]
        guard thresholds.allSatisfy({ (0...1).contains($0) }), (2...8).contains(diff.maximumSplit) else {
            return "diff thresholds must be between 0 and 1, and maximumSplit between 2 and 8"
        }
        let counts = [diff.keyWordLength, diff.pairingNominees, diff.splitAnchors, diff.assignmentLimit,
                      diff.heaviestMovesLimit, diff.wordDiffLimit]
        guard counts.allSatisfy({ $0 >= 1 }), diff.recastLeadParagraphs >= 0 else {
            return "diff limits and counts must be 1 or more (recastLeadParagraphs 0 or more)"
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "not JSON"
        }
    }
}
