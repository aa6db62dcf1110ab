import Foundation
import StoryDiff
import StoryText
import WritethruSupport

/// `writethru.json` as written, section by section: every key required. A file read from an
/// archive is first merged over the template (`merged(_:over:)`), so a key it leaves out takes
/// the template's value and the decoders never need a default of their own.
struct SettingsFile: Decodable, Equatable {
    var format: Int
    var reading: Reading
    var boilerplate: Boilerplate
    var identity: IdentitySettings
    var diff: DiffSettings
    var recorder: Recorder
    var durability: Durability
    var hooks: HookSettings
    var capture: CaptureSettings

    struct Reading: Decodable, Equatable {
        var dateOrder: String
        var timeZone: String
    }
    struct Recorder: Decodable, Equatable {
        var name: String
        var email: String
    }
    struct Durability: Decodable, Equatable { var fsync: Bool }
    struct Boilerplate: Decodable, Equatable {
        var learnAfterStories: Int
        var rules: [Rule]
    }

    /// One boilerplate rule: a name, exactly one of `exact` (a string or a list), `prefix`,
    /// `contains`, `regex`, and optionally `maxLength` and `dropRest`.
    struct Rule: Decodable, Equatable {
        var name: String
        var exact: Exact?
        var prefix: String?
        var contains: String?
        var regex: String?
        var maxLength: Int?
        var dropRest: Bool?

        init(name: String) {
            self.name = name
        }

        /// `"exact"` takes one string or a list of them.
        struct Exact: Decodable, Equatable {
            var texts: [String]
            init(texts: [String]) {
                self.texts = texts
            }
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
            BoilerplateRule(name: name, match: try match(), maxLength: maxLength, dropsRest: dropRest ?? false)
        }

        /// The rule's one match, checked without building the rule (which compiles a regex).
        func match() throws(WritethruError) -> BoilerplateRule.Match {
            let matches: [BoilerplateRule.Match] = [exact.map { .exact($0.texts) }, prefix.map { .prefix($0) },
                                                    contains.map { .contains($0) }, regex.map { .regex($0) }]
                .compactMap { $0 }
            guard matches.count == 1, let match = matches.first else {
                throw ArchiveConfig.invalid("boilerplate rule '\(name)' needs exactly one of "
                                                + "exact, prefix, contains, regex")
            }
            return match
        }
    }

    /// repo-template/writethru.json as parsed JSON: the defaults of every key. Parsed once, when
    /// first asked for (opening an archive and the template's regular expressions both need it:
    /// 0.6 million instructions a parse).
    static var template: [String: Any] { parsedTemplate.json }

    /// The parsed template, never changed after it is made: its values are Foundation's
    /// immutable dictionaries, arrays, strings and numbers, safe to read from any thread.
    private final class ParsedTemplate: @unchecked Sendable {
        let json: [String: Any]
        init() {
            let text = ArchiveTemplate.files[ArchiveConfig.fileName] ?? "{}"
            json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        }
    }
    private static let parsedTemplate = ParsedTemplate()

    /// The regular expressions of the template's boilerplate rules.
    static let templateRegexes: Set<String> = {
        if let rules = plainTemplate?["boilerplate"]?.object?["rules"]?.array {
            return Set(rules.compactMap { $0.object?["regex"]?.string })
        }
        let rules = (template["boilerplate"] as? [String: Any])?["rules"] as? [Any] ?? []
        return Set(rules.compactMap { ($0 as? [String: Any])?["regex"] as? String })
    }()

    /// A complete file (parsed JSON with every key) as `JSONDecoder` reads it, written out again
    /// by `JSONSerialization`: its errors name the key or path. (A file `PlainJSONValue` reads
    /// is read without Foundation first: `plainMerged(_:)`.)
    static func decoded(_ json: [String: Any]) throws(WritethruError) -> SettingsFile {
        do {
            let data = try JSONSerialization.data(withJSONObject: json)
            return try JSONDecoder().decode(SettingsFile.self, from: data)
        } catch {
            // JSONDecoder calls a fraction where a whole number belongs "not valid JSON", with
            // no key: find the key by the template, whose value there is a whole number.
            if case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty,
               let key = fraction(in: json, where: template) {
                throw ArchiveConfig.invalid("\(key) must be a whole number")
            }
            throw ArchiveConfig.invalid(describe(error))
        }
    }

    /// The dotted key of the first number in `json` that is a fraction where `reference` holds
    /// a whole number at the same key; nil when there is none. O(n) in the keys.
    static func fraction(in json: [String: Any], where reference: [String: Any], prefix: String = "") -> String? {
        for key in json.keys.sorted() {
            guard let value = json[key], let expected = reference[key] else { continue }
            if let object = value as? [String: Any], let template = expected as? [String: Any] {
                if let found = fraction(in: object, where: template, prefix: prefix + key + ".") { return found }
            } else if PlainJSON.int(expected) != nil, PlainJSON.int(value) == nil, PlainJSON.double(value) != nil {
                return prefix + key
            }
        }
        return nil
    }

    /// `bytes` (an archive's writethru.json) with each section laid key by key over the same
    /// section of `defaults`; `format` is required. A section that is not an object, or a file
    /// that is not a JSON object, is refused.
    static func merged(_ bytes: [UInt8], over defaults: [String: Any]) throws(WritethruError) -> SettingsFile {
        try decoded(try mergedJSON(bytes, over: defaults))
    }

    /// The parsed JSON `merged(_:over:)` decodes.
    static func mergedJSON(_ bytes: [UInt8], over defaults: [String: Any]) throws(WritethruError) -> [String: Any] {
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
        return merged
    }

    /// The first range problem of the diff section, if any.
    static func problem(with diff: DiffSettings) -> String? {
        let thresholds = [diff.changeThreshold, diff.moveThreshold, diff.splitThreshold, diff.sentenceWithinThreshold,
                          diff.sentenceAcrossThreshold, diff.sentenceGroupMargin, diff.sentenceSlotThreshold,
                          diff.sentenceMovedThreshold, diff.sentenceContainmentThreshold,
                          diff.sentenceReintroductionThreshold]
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

/// Values of JSON parsed by `JSONSerialization`, taken only when `JSONDecoder` would read the
/// same value from the JSON `JSONSerialization` writes for them: otherwise nil.
enum PlainJSON {
    /// The class of `JSONSerialization`'s `true` and `false`.
    private static let booleanClass = ObjectIdentifier(type(of: NSNumber(value: true)))

    /// A number that is not a boolean (`JSONSerialization` gives both as `NSNumber`).
    private static func number(_ value: Any?) -> NSNumber? {
        guard let number = value as? NSNumber, ObjectIdentifier(type(of: number)) != booleanClass else { return nil }
        return number
    }

    /// An integer as parsed (not one written as a fraction or with an exponent).
    static func int(_ value: Any?) -> Int? {
        guard let number = number(value) else { return nil }
        switch String(cString: number.objCType) {
        case "i", "s", "l", "q": return number.intValue
        default: return nil
        }
    }

    /// A finite number, as `JSONDecoder` reads the text `JSONSerialization` writes for it (its
    /// `description`).
    static func double(_ value: Any?) -> Double? {
        guard let number = number(value) else { return nil }
        let text = number.description
        // Digits, '-', '.', 'e' and '+' only: no "inf" or "nan".
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) || [0x2D, 0x2E, 0x65, 0x2B].contains($0) }),
              let double = Double(text), double.isFinite else { return nil }
        return double
    }

    static func bool(_ value: Any?) -> Bool? {
        guard let number = value as? NSNumber, ObjectIdentifier(type(of: number)) == booleanClass else { return nil }
        return number.boolValue
    }
}
