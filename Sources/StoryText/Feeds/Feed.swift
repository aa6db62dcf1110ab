/// A news feed as `FeedReader` reads it: what kind it was and its items, in document order.
public struct Feed: Sendable, Equatable {
    /// The three syndication formats that are read.
    public enum Kind: String, Sendable {
        /// RSS 2.0, and the 0.9x formats that share its `<rss><channel><item>` layout.
        case rss2
        /// RSS 1.0 (and 0.90): RDF, with the items beside the channel.
        case rss1
        /// Atom 1.0 (and 0.3).
        case atom
    }

    public let kind: Kind
    /// The channel's or feed's title, trimmed; nil when absent or empty.
    public let title: String?
    /// The items with a usable link, in document order, each link once (the first item keeps it).
    public let items: [FeedItem]

    public init(kind: Kind, title: String?, items: [FeedItem]) {
        self.kind = kind
        self.title = title
        self.items = items
    }
}
