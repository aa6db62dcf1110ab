import Writethru

/// Where a feed's links point: nowhere (a feed written alone, whose reports' place is unknown),
/// relative to the feed's own place in a site (`writethru site`), or under a base URL.
public struct FeedLinks: Sendable, Equatable {
    /// The base URL, with no trailing `/`; nil for links relative to the feed.
    let base: String?
    /// The feed's own path in the site ("feed.xml", "stories/<id>.xml"), nil when it has none.
    let location: String?
    /// Whether there are links at all.
    let enabled: Bool

    /// No links: a feed written on its own with no --base-url.
    public static let none = FeedLinks(base: nil, location: nil, enabled: false)

    /// Links for a feed at `location` in a site (relative to the feed, or under `base`).
    public static func site(base: String?, location: String?) -> FeedLinks {
        FeedLinks(base: base, location: location, enabled: true)
    }

    /// The href of a file of the site (`stories/<id>.html#v3`, `index.html`): under the base URL
    /// when there is one, else relative to the feed's own folder; nil without links, or relative
    /// with no known place for the feed.
    func href(_ sitePath: String) -> String? {
        guard enabled else { return nil }
        if let base { return base + "/" + sitePath }
        guard let location else { return nil }
        guard let slash = location.lastIndex(of: "/") else { return sitePath }
        let folder = location[...slash]
        if sitePath.hasPrefix(folder) { return String(sitePath.dropFirst(folder.count)) }
        let depth = location.filter { $0 == "/" }.count
        return String(repeating: "../", count: depth) + sitePath
    }

    /// The feed's own link (`rel="self"`), when it has a place.
    var selfHref: String? { location.flatMap(href) }

    /// Where a story's feed lives in the site.
    public static func feed(of story: StoryID) -> String { "stories/\(story.value).xml" }

    /// The site's feed of every story and of undeclared changes.
    public static let archiveFeed = "feed.xml"
    public static let undeclaredFeed = "undeclared.xml"

    /// A base URL checked: `http://` or `https://`, a host, no spaces, quotes or control
    /// characters; the trailing `/` dropped. Throws a usage error (exit 64) otherwise.
    public static func baseURL(validating text: String) throws(WritethruError) -> String {
        var url = Substring(text)
        while url.hasSuffix("/") { url.removeLast() }
        let lower = url.lowercased()
        let scheme = ["https://", "http://"].first { lower.hasPrefix($0) }
        let bad = url.unicodeScalars.contains { scalar in
            scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains(scalar)
        }
        guard let scheme, url.count > scheme.count, !bad else {
            throw .usage("--base-url '\(text)' is not an http:// or https:// URL")
        }
        return String(url)
    }
}
