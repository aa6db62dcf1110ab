import Foundation

/// Reads RSS 2.0, RSS 1.0 and Atom feeds into their items' links, ids, titles and dates, with
/// libxml2's XML parser in its safe settings (`FeedXMLDocument`).
///
/// Links are resolved against `xml:base` and the feed's URL; an RSS item without a `<link>` uses
/// its `<guid>` when that is a permalink and an absolute http(s) URL; an Atom entry uses its
/// first `rel="alternate"` (or rel-less) link of an HTML type (or no type), else its first other
/// alternate link, never `self`, `enclosure`, `replies`, `related` or `via`. Items whose link is
/// not http(s) (`javascript:`, `mailto:`) or that repeat an earlier item's link are left out.
public enum FeedReader {
    /// How much text entity references may expand to in one feed (`FeedElement.text`).
    static let entityBudget = 1 << 20

    /// Reads `bytes`, fetched from `url`, as a feed.
    ///
    /// - Throws: `FeedError` for bytes that are not well-formed XML, or XML that is not a feed.
    /// - Complexity: O(n) in the bytes.
    public static func read(_ bytes: [UInt8], url: String) throws(FeedError) -> Feed {
        try FeedXMLDocument.withRoot(bytes, url: url, isFeedRoot: { kind(of: $0) != nil }) { root throws(FeedError) in
            guard let kind = kind(of: root) else { throw FeedError.notAFeed(root) }
            var reading = FeedItemReading(feedURL: URL(string: url.trimmingCharacters(in: .whitespaces)))
            let feed = switch kind {
            case .rss2: reading.rss2(root)
            case .rss1: reading.rss1(root)
            case .atom: reading.atom(root)
            }
            return Feed(kind: kind, title: feed.title, items: FeedItemReading.firstOfEachLink(feed.items))
        }
    }

    /// The format a root element starts, nil when it starts none (RDF that has neither an RSS
    /// channel nor items is some other RDF).
    static func kind(of root: FeedElement) -> Feed.Kind? {
        if root.is("rss", in: .none) { return .rss2 }
        if root.is("feed", in: .atom) { return .atom }
        if root.is("RDF", in: .rdf), root.child("channel", in: .rss1) != nil || root.child("item", in: .rss1) != nil {
            return .rss1
        }
        return nil
    }
}
