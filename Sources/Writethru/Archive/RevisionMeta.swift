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
    /// The `record` run that wrote it and its place in the run (runs of two or more
    /// revisions); absent otherwise, and in older revisions.
    var run: RunMark?
    /// How it was fetched, for a revision `capture` recorded; absent otherwise.
    var capture: RevisionCapture?

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
        case updatedSource, recorded, url, credits, input, content, removed, run, capture
    }

    func encoded() -> [UInt8] {
        Array(JSONCoding.render(self).utf8)
    }

    /// Reads `meta.json`: with `PlainJSONValue` when it reads the file and every value has its
    /// type, else (and for every error) with `JSONDecoder`.
    static func decode(_ bytes: [UInt8]) throws -> RevisionMeta {
        if let meta = PlainJSONValue.parse(bytes).flatMap(plain) { return meta }
        return try JSONDecoder().decode(RevisionMeta.self, from: Data(bytes))
    }

    /// `init(from:)`'s reading of a plainly read file, or nil when some value is not of its type.
    static func plain(_ json: PlainJSONValue) -> RevisionMeta? {
        guard let object = json.object,
              let format = object["format"]?.integer, let story = object["story"]?.string,
              let version = object["version"]?.integer, let tag = optional(object["tag"], \.string),
              let headline = object["headline"]?.string, let advisory = optional(object["advisory"], \.string),
              let advisoryItems = optional(object["advisoryItems"], { list($0, advisoryItem) }),
              let byline = optional(object["byline"], \.string),
              let authors = optional(object["authors"], { list($0, \.string) }),
              let dateline = optional(object["dateline"], dateline),
              let published = optional(object["published"], \.string),
              let updated = object["updated"]?.string,
              let updatedSource = optional(object["updatedSource"], \.string),
              let recorded = object["recorded"]?.string, let url = optional(object["url"], \.string),
              let credits = optional(object["credits"], { list($0, \.string) }),
              let input = object["input"].flatMap(input), let content = object["content"]?.object?["sha256"]?.string,
              let removed = optional(object["removed"], { list($0, removedText) }),
              let run = optional(object["run"], runMark),
              let capture = optional(object["capture"], RevisionCapture.plain)
        else { return nil }
        return RevisionMeta(format: format, story: story, version: version, tag: tag, headline: headline,
                            advisory: advisory, advisoryItems: advisoryItems ?? [], byline: byline,
                            authors: authors ?? [], dateline: dateline, published: published, updated: updated,
                            updatedSource: updatedSource ?? "input", recorded: recorded, url: url,
                            credits: credits ?? [], input: input, content: Content(sha256: content),
                            removed: removed ?? [], run: run, capture: capture)
    }

    /// An optional key: `.some(nil)` when absent or null, `.some(value)` when of its type, nil
    /// otherwise.
    private static func optional<T>(_ value: PlainJSONValue?, _ read: (PlainJSONValue) -> T?) -> T?? {
        guard let value, !value.isNull else { return .some(nil) }
        return read(value).map { .some($0) }
    }

    private static func list<T>(_ value: PlainJSONValue, _ read: (PlainJSONValue) -> T?) -> [T]? {
        guard let items = value.array else { return nil }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let element = read(item) else { return nil }
            result.append(element)
        }
        return result
    }

    private static func advisoryItem(_ value: PlainJSONValue) -> AdvisoryItem? {
        guard let object = value.object, let verb = optional(object["verb"], \.string),
              let text = object["object"]?.string,
              let paragraphs = object["paragraphs"].flatMap({ list($0, \.integer) }) else { return nil }
        return AdvisoryItem(verb: verb, object: text, paragraphs: paragraphs)
    }

    private static func dateline(_ value: PlainJSONValue) -> Dateline? {
        guard let object = value.object, let place = object["place"]?.string,
              let date = optional(object["date"], \.string), let agency = optional(object["agency"], \.string)
        else { return nil }
        return Dateline(place: place, date: date, agency: agency)
    }

    private static func removedText(_ value: PlainJSONValue) -> RemovedText? {
        guard let object = value.object, let text = object["text"]?.string, let rule = object["rule"]?.string
        else { return nil }
        return RemovedText(text: text, rule: rule)
    }

    private static func runMark(_ value: PlainJSONValue) -> RunMark? {
        guard let object = value.object, let id = object["id"]?.string, let item = object["item"]?.integer
        else { return nil }
        return RunMark(id: id, item: item)
    }

    private static func input(_ value: PlainJSONValue) -> Input? {
        guard let object = value.object, let path = object["path"]?.string, let format = object["format"]?.string,
              let line = optional(object["line"], \.integer), let bytes = object["bytes"]?.integer,
              let sha256 = object["sha256"]?.string, let replaced = optional(object["replaced"], \.integer)
        else { return nil }
        return Input(path: path, format: format, line: line, bytes: bytes, sha256: sha256, replaced: replaced ?? 0)
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
        run = try c.decodeIfPresent(RunMark.self, forKey: .run)
        capture = try c.decodeIfPresent(RevisionCapture.self, forKey: .capture)
    }

}
