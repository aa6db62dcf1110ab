import Foundation
import StoryText

/// The contents of `meta.json` in every revision's tree (storage format 1, docs/storage.md).
/// Optional values are `@Nullable`: written as `null`, so every key is always present.
struct RevisionMeta: Codable, Equatable {
    var format: Int
    var story: String
    var version: Int
    @Nullable var tag: String?
    var headline: String
    @Nullable var advisory: String?
    /// The advisory line's items: verb, object, paragraph numbers.
    var advisoryItems: [AdvisoryItem]
    @Nullable var byline: String?
    var authors: [String]
    @Nullable var dateline: Dateline?
    @Nullable var published: String?
    /// The revision's own time (the commit's author time), ISO 8601.
    var updated: String
    /// Where `updated` came from: `input` (an Updated or Published line), `option` (`--at`)
    /// or `recorded` (neither was available, so the recording time stands in).
    var updatedSource: String
    var recorded: String
    @Nullable var url: String?
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
        @Nullable var line: Int?
        var bytes: Int
        var sha256: String
    }

    struct Content: Codable, Equatable {
        /// SHA-256 of `article.md`.
        var sha256: String
    }

    enum CodingKeys: String, CodingKey {
        case format, story, version, tag, headline, advisory, advisoryItems, byline, authors, dateline, published, updated
        case updatedSource, recorded, url, credits, input, content, removed
    }

    func encoded() -> [UInt8] {
        Array(JSONCoding.render(self).utf8)
    }

    static func decode(_ bytes: [UInt8]) throws -> RevisionMeta {
        try JSONDecoder().decode(RevisionMeta.self, from: Data(bytes))
    }
}

extension RevisionMeta {
    /// Keys added to format 1 after its first revisions were written are optional when read.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        story = try c.decode(String.self, forKey: .story)
        version = try c.decode(Int.self, forKey: .version)
        tag = try c.decodeIfPresent(String.self, forKey: .tag)
        headline = try c.decode(String.self, forKey: .headline)
        advisory = try c.decodeIfPresent(String.self, forKey: .advisory)
        advisoryItems = try c.decodeIfPresent([AdvisoryItem].self, forKey: .advisoryItems) ?? []
        byline = try c.decodeIfPresent(String.self, forKey: .byline)
        authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        dateline = try c.decodeIfPresent(Dateline.self, forKey: .dateline)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        updated = try c.decode(String.self, forKey: .updated)
        updatedSource = try c.decodeIfPresent(String.self, forKey: .updatedSource) ?? "input"
        recorded = try c.decode(String.self, forKey: .recorded)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        credits = try c.decodeIfPresent([String].self, forKey: .credits) ?? []
        input = try c.decode(Input.self, forKey: .input)
        content = try c.decode(Content.self, forKey: .content)
        removed = try c.decodeIfPresent([RemovedText].self, forKey: .removed) ?? []
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
        let bytes = Array(json.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // `" : ` -> `": `
            if byte == 0x22, index + 3 < bytes.count, bytes[index + 1] == 0x20, bytes[index + 2] == 0x3A, bytes[index + 3] == 0x20 {
                out += [0x22, 0x3A, 0x20]
                index += 4
                continue
            }
            // `[` or `{`, a line break, only whitespace, a line break, whitespace, `]` or `}` -> `[]`, `{}`
            if byte == 0x5B || byte == 0x7B {
                let closer: UInt8 = byte == 0x5B ? 0x5D : 0x7D
                var next = index + 1
                var breaks = 0
                while next < bytes.count, bytes[next] == 0x0A || bytes[next] == 0x20 {
                    if bytes[next] == 0x0A { breaks += 1 }
                    next += 1
                }
                if breaks >= 2, next < bytes.count, bytes[next] == closer {
                    out += [byte, closer]
                    index = next + 1
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
