import Foundation

/// One watched URL (docs/capture.md, "The watch list"): a story page fetched on the schedule,
/// or a feed whose new items become watched pages.
public struct WatchEntry: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case page, feed
    }

    /// The URL as `WatchURL.normalized` writes it.
    public var url: String
    public var kind: Kind
    /// The story every version of this page is recorded in (`watch add --story`); nil: found
    /// as `record` finds stories (the page's URL, then its headline).
    public var story: String?
    /// The feed this page was found in, for pages `capture` added from a feed.
    public var feed: String?
    /// When it was added, ISO 8601 UTC.
    public var added: String

    public init(url: String, kind: Kind, story: String? = nil, feed: String? = nil, added: String) {
        self.url = url
        self.kind = kind
        self.story = story
        self.feed = feed
        self.added = added
    }

    enum CodingKeys: String, CodingKey {
        case url, kind, story, feed, added
    }

    /// Every key is written, `null` when absent, so the file reads the same in every entry.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(kind, forKey: .kind)
        try c.encode(story, forKey: .story)
        try c.encode(feed, forKey: .feed)
        try c.encode(added, forKey: .added)
    }
}
