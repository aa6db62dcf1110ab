import Foundation
import StoryText
import WritethruSupport

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
    /// The input's publication time, ISO 8601 in the offset the input stated it in
    /// (`2019-11-19T06:56:43-05:00`), else in UTC (`Z`); archives written before the offset was
    /// kept hold UTC only, which reads the same.
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
        /// How many U+FFFD the HTML decoder put in for undecodable bytes and NUL characters
        /// (0 for text and JSON, which must be valid UTF-8).
        var replaced: Int

        init(path: String, format: String, line: Int?, bytes: Int, sha256: String, replaced: Int) {
            self.path = path
            self.format = format
            self.line = line
            self.bytes = bytes
            self.sha256 = sha256
            self.replaced = replaced
        }

        /// `replaced` was added to format 1 later: an older revision without it replaced nothing.
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            path = try c.decode(String.self, forKey: .path)
            format = try c.decode(String.self, forKey: .format)
            line = try c.decodeIfPresent(Int.self, forKey: .line)
            bytes = try c.decode(Int.self, forKey: .bytes)
            sha256 = try c.decode(String.self, forKey: .sha256)
            replaced = try c.decodeIfPresent(Int.self, forKey: .replaced) ?? 0
        }

        enum CodingKeys: String, CodingKey {
            case path, format, line, bytes, sha256, replaced
        }
    }

    struct Content: Codable, Equatable {
        /// SHA-256 of `article.md`.
        var sha256: String
    }

    enum CodingKeys: String, CodingKey {
        case format, story, version, tag, headline, advisory, advisoryItems, byline, authors, dateline, published,
             updated
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
