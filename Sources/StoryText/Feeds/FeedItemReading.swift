import Foundation

/// The walk over one feed's elements that `FeedReader` makes, per format, carrying the `xml:base`
/// in scope and the document's entity budget.
struct FeedItemReading {
    let feedURL: URL?
    var budget = FeedReader.entityBudget

    init(feedURL: URL?) { self.feedURL = feedURL }

    /// `<rss><channel>…<item>…`: items inside the channel, and any an old feed left beside it.
    mutating func rss2(_ root: FeedElement) -> (title: String?, items: [FeedItem]) {
        let rootBase = FeedLinks.base(of: root, inside: feedURL)
        let channel = root.child("channel", in: .none)
        let channelBase = channel.map { FeedLinks.base(of: $0, inside: rootBase) } ?? rootBase
        var items: [FeedItem] = []
        for item in channel?.children("item", in: .none) ?? [] {
            if let read = rssItem(item, base: channelBase, namespace: .none) { items.append(read) }
        }
        for item in root.children("item", in: .none) {
            if let read = rssItem(item, base: rootBase, namespace: .none) { items.append(read) }
        }
        return (channel?.child("title", in: .none).flatMap { $0.text(&budget) }, items)
    }

    /// `<rdf:RDF><channel/><item rdf:about="…">…`: the items are the channel's siblings.
    mutating func rss1(_ root: FeedElement) -> (title: String?, items: [FeedItem]) {
        let rootBase = FeedLinks.base(of: root, inside: feedURL)
        var items: [FeedItem] = []
        for item in root.children("item", in: .rss1) {
            if let read = rssItem(item, base: rootBase, namespace: .rss1) { items.append(read) }
        }
        let title = root.child("channel", in: .rss1)?.child("title", in: .rss1).flatMap { $0.text(&budget) }
        return (title, items)
    }

    /// `<feed><entry>…`.
    mutating func atom(_ root: FeedElement) -> (title: String?, items: [FeedItem]) {
        let rootBase = FeedLinks.base(of: root, inside: feedURL)
        var items: [FeedItem] = []
        for entry in root.children("entry", in: .atom) {
            if let read = atomEntry(entry, base: FeedLinks.base(of: entry, inside: rootBase)) { items.append(read) }
        }
        return (root.child("title", in: .atom).flatMap { $0.text(&budget) }, items)
    }

    /// An RSS 2.0 or 1.0 item; nil when it has no usable link.
    private mutating func rssItem(_ item: FeedElement, base parent: URL?, namespace: FeedNamespace) -> FeedItem? {
        let base = FeedLinks.base(of: item, inside: parent)
        let guid = namespace == .none ? item.child("guid", in: .none) : nil
        var link: String?
        for candidate in item.children("link", in: namespace) where link == nil {
            link = candidate.text(&budget).flatMap { FeedLinks.resolve($0, against: FeedLinks.base(of: candidate, inside: base)) }
        }
        if link == nil, let guid, guid.attribute("isPermaLink")?.lowercased() != "false" {
            link = guid.text(&budget).flatMap(FeedLinks.absolute)
        }
        guard let link else { return nil }
        let id = guid.flatMap { $0.text(&budget) } ?? (namespace == .rss1 ? item.attribute("about", in: .rdf) : nil)
        return FeedItem(
            link: link, id: id, title: item.child("title", in: namespace).flatMap { $0.text(&budget) },
            published: date(item, [("pubDate", .none), ("issued", .dublinCoreTerms)]),
            updated: date(item, [("date", .dublinCore), ("modified", .dublinCoreTerms), ("updated", .atom)]))
    }

    /// An Atom entry; nil when it has no usable link.
    private mutating func atomEntry(_ entry: FeedElement, base: URL?) -> FeedItem? {
        var preferred: String?
        var other: String?
        for link in entry.children("link", in: .atom) where preferred == nil {
            let rel = (link.attribute("rel") ?? "alternate").trimmingCharacters(in: .whitespaces).lowercased()
            guard rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate",
                  let href = link.attribute("href"),
                  let resolved = FeedLinks.resolve(href, against: FeedLinks.base(of: link, inside: base)) else { continue }
            let type = link.attribute("type")?.trimmingCharacters(in: .whitespaces).lowercased() ?? "text/html"
            if ["text/html", "application/xhtml+xml"].contains(where: { type.hasPrefix($0) }) {
                preferred = resolved
            } else if other == nil {
                other = resolved
            }
        }
        guard let link = preferred ?? other else { return nil }
        return FeedItem(
            link: link, id: entry.child("id", in: .atom).flatMap { $0.text(&budget) },
            title: entry.child("title", in: .atom).flatMap { $0.text(&budget) },
            published: date(entry, [("published", .atom), ("issued", .atom)]),
            updated: date(entry, [("updated", .atom), ("modified", .atom)]))
    }

    /// The first of the named children that holds a readable date.
    private mutating func date(_ element: FeedElement, _ names: [(String, FeedNamespace)]) -> Date? {
        for (local, namespace) in names {
            for child in element.children(local, in: namespace) {
                if let date = child.text(&budget).flatMap(FeedDates.parse) { return date }
            }
        }
        return nil
    }

    /// `items` with each link once, the first item that has it kept, order unchanged.
    ///
    /// - Complexity: O(n) in the number of items.
    static func firstOfEachLink(_ items: [FeedItem]) -> [FeedItem] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0.link).inserted }
    }
}
