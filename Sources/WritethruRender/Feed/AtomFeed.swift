import Foundation
import Writethru

/// An Atom feed (RFC 4287) of updates: one story's, or the whole archive's, every update or
/// only those with audit findings (docs/feeds.md). The same archive gives the same bytes: the
/// feed's `updated` is its newest entry's time, never the time it was written.
public struct AtomFeed: Sendable {
    /// At most this many entries unless `--limit` says otherwise.
    public static let defaultLimit = 50

    /// A tag: URI (`FeedIDs`).
    public let id: String
    public let title: String
    public let subtitle: String
    /// The newest entry's time; with no entry, the newest version's in the feed's scope.
    public let updated: Date
    /// Who the feed is by: the archive's recorder (`recorder.name` in writethru.json).
    public let author: String
    /// The feed's own URL (`rel="self"`) and the page it stands for (`rel="alternate"`).
    public let selfLink: String?
    public let alternateLink: String?
    /// Newest first.
    public let entries: [AtomEntry]

    /// The feed as an XML document, UTF-8, ending in a newline.
    /// - Complexity: O(e) in the entries' text.
    public var xml: String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <id>" + XMLText.escape(id) + "</id>\n"
        out += "  <title>" + XMLText.escape(title) + "</title>\n"
        out += "  <subtitle>" + XMLText.escape(subtitle) + "</subtitle>\n"
        out += "  <updated>" + Timestamp.format(updated) + "</updated>\n"
        out += "  <author><name>" + XMLText.escape(author) + "</name></author>\n"
        out += "  <generator>Writethru</generator>\n"
        if let selfLink {
            out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + XMLText.escape(selfLink) + "\"/>\n"
        }
        if let alternateLink {
            out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XMLText.escape(alternateLink) + "\"/>\n"
        }
        for entry in entries { out += entry.xml }
        out += "</feed>\n"
        return out
    }
}
