import Foundation
import StoryText

/// The contents of `meta.json` in every revision's tree (storage format 1, docs/storage.md).
/// Optional values are written as `null`, so every key is always present.
struct RevisionMeta: Codable, Equatable {
    var format: Int
    var story: String
    var version: Int
    var tag: String?
    var headline: String
    var advisory: String?
    /// The advisory line's items: verb, object, paragraph numbers.
    var advisoryItems: [AdvisoryItem]
    var byline: String?
    var authors: [String]
    var dateline: Dateline?
    var published: String?
    /// The revision's own time (the commit's author time), ISO 8601.
    var updated: String
    /// Where `updated` came from: `input` (an Updated or Published line), `option` (`--at`)
    /// or `recorded` (neither was available, so the recording time stands in).
    var updatedSource: String
    var recorded: String
    var url: String?
    var credits: [String]
    var input: Input
    var content: Content
    var removed: [RemovedText]

    struct Input: Codable, Equatable {
        /// The path of the original bytes inside the revision's tree, `source/<name>`.
        var path: String
        /// `text`, `html` or `json`.
        var format: String
        /// The line of a JSON Lines input this revision came from, else nil.
        var line: Int?
        var bytes: Int
        var sha256: String

        enum CodingKeys: String, CodingKey { case path, format, line, bytes, sha256 }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(format, forKey: .format)
            try c.encode(line, forKey: .line)
            try c.encode(bytes, forKey: .bytes)
            try c.encode(sha256, forKey: .sha256)
        }
    }

    struct Content: Codable, Equatable {
        /// SHA-256 of `article.md`.
        var sha256: String
    }

    enum CodingKeys: String, CodingKey {
        case format, story, version, tag, headline, advisory, advisoryItems, byline, authors, dateline, published, updated
        case updatedSource, recorded, url, credits, input, content, removed
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(story, forKey: .story)
        try c.encode(version, forKey: .version)
        try c.encode(tag, forKey: .tag)
        try c.encode(headline, forKey: .headline)
        try c.encode(advisory, forKey: .advisory)
        try c.encode(advisoryItems, forKey: .advisoryItems)
        try c.encode(byline, forKey: .byline)
        try c.encode(authors, forKey: .authors)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(published, forKey: .published)
        try c.encode(updated, forKey: .updated)
        try c.encode(updatedSource, forKey: .updatedSource)
        try c.encode(recorded, forKey: .recorded)
        try c.encode(url, forKey: .url)
        try c.encode(credits, forKey: .credits)
        try c.encode(input, forKey: .input)
        try c.encode(content, forKey: .content)
        try c.encode(removed, forKey: .removed)
    }

    func encoded() -> [UInt8] {
        Array(JSONCoding.render(self).utf8)
    }

    static func decode(_ bytes: [UInt8]) throws -> RevisionMeta {
        try JSONDecoder().decode(RevisionMeta.self, from: Data(bytes))
    }
}

/// Writethru's JSON, for files and for output: sorted keys, two-space indentation, `"key": value`,
/// empty arrays as `[]`, no escaped slashes, a final newline. The same value always gives the
/// same bytes.
public enum JSONCoding {
    public static func render<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The models hold strings, numbers, booleans, arrays and nulls: encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return tidy(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Foundation prints `"key" : value` and empty containers over three lines. Raw newlines and
    /// unescaped quotes never occur inside JSON strings, so both patterns are structural.
    private static func tidy(_ json: String) -> String {
        json.replacingOccurrences(of: "\" : ", with: "\": ")
            .replacingOccurrences(of: #"\[\n\s*\n\s*\]"#, with: "[]", options: .regularExpression)
            .replacingOccurrences(of: #"\{\n\s*\n\s*\}"#, with: "{}", options: .regularExpression)
    }
}
