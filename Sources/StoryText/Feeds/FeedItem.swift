import Foundation

/// One item (RSS) or entry (Atom) of a feed.
public struct FeedItem: Sendable, Equatable {
    /// The story's address: an absolute http(s) URL, already resolved against `xml:base` and the
    /// feed's own URL.
    public let link: String
    /// The RSS `<guid>`, the RSS 1.0 `rdf:about` or the Atom `<id>`, trimmed; nil when absent.
    public let id: String?
    /// The item's title, trimmed; nil when absent or empty.
    public let title: String?
    /// RSS `<pubDate>` / `dcterms:issued`, Atom `<published>` (0.3: `<issued>`).
    public let published: Date?
    /// Atom `<updated>` (0.3: `<modified>`); in RSS `dc:date`, `dcterms:modified` or `atom:updated`
    /// (as feedparser reads them).
    public let updated: Date?

    public init(link: String, id: String?, title: String?, published: Date?, updated: Date?) {
        self.link = link
        self.id = id
        self.title = title
        self.published = published
        self.updated = updated
    }
}
