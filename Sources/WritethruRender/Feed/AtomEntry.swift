import Foundation
import StoryDiff
import Writethru

/// One entry of an Atom feed: one version of a story, as its `UpdateDigest` says it.
public struct AtomEntry: Sendable {
    /// A tag: URI (`FeedIDs.entry`).
    public let id: String
    /// `UpdateDigest.title`.
    public let title: String
    /// The revision's own time.
    public let updated: Date
    /// The story, for the archive feed's category.
    public let story: StoryID
    public let number: Int
    /// The report's anchor for this version, when the feed has links.
    public let link: String?
    /// Whether the update has audit findings (undeclared changes, items not found, flags).
    public let hasFindings: Bool
    /// The XHTML of the content's `div`, escaped.
    let content: String

    /// The entry of `digest`, whose story's first version is `first`.
    public init(_ digest: UpdateDigest, first: VersionEntry, links: FeedLinks) {
        id = FeedIDs.entry(first: first, number: digest.entry.number)
        title = digest.title
        updated = digest.entry.updated
        story = digest.story
        number = digest.entry.number
        link = links.href(StoryPage.sitePath(of: digest.story) + "#v\(digest.entry.number)")
        hasFindings = digest.findings > 0
        content = Self.content(digest, link: link)
    }

    /// The timeline's block as XHTML: the headline (its word diff when this update changed it),
    /// the advisory line, the counts, the most significant claim changes, the audit's findings,
    /// and a link to the report.
    /// - Complexity: O(l) in the block's lines, plus the headline's word diff.
    static func content(_ digest: UpdateDigest, link: String?) -> String {
        var out = ""
        var list: [String] = []
        func closeList() {
            guard !list.isEmpty else { return }
            out += "<ul>" + list.map { "<li>" + $0 + "</li>" }.joined() + "</ul>"
            list = []
        }
        for line in digest.lines(.words) {
            let text = XMLText.escape(line.text)
            if line.kind == .change {
                list.append(line.substantive ? "<strong>" + text + "</strong>" : text)
                continue
            }
            closeList()
            switch line.kind {
            case .headline:
                if let old = digest.previousHeadline {
                    out += "<p>Headline: " + headlineDiff(old, line.text) + "</p>"
                } else {
                    out += "<p><strong>" + text + "</strong></p>"
                }
            case .advisory: out += "<p><em>" + text + "</em></p>"
            case .notFound, .undeclared, .flag: out += "<p><strong>" + text + "</strong></p>"
            case .stats, .more, .found, .change: out += "<p>" + text + "</p>"
            }
        }
        closeList()
        if let link {
            out += "<p><a href=\"" + XMLText.escape(link) + "\">The report of " + XMLText.escape(digest.story.value)
                + " at " + XMLText.escape(digest.label) + "</a></p>"
        }
        return out
    }

    /// The headline's word diff: removed words in `del`, added ones in `ins`.
    static func headlineDiff(_ old: String, _ new: String) -> String {
        WordDiffer.diff(old, new).ops.map { op in
            let text = XMLText.escape(op.shown)
            switch op.kind {
            case .equal: return text
            case .delete: return "<del>" + text + "</del>"
            case .insert: return "<ins>" + text + "</ins>"
            }
        }.joined()
    }

    /// The entry's XML, indented by two spaces inside the feed.
    var xml: String {
        var out = "  <entry>\n"
        out += "    <id>" + XMLText.escape(id) + "</id>\n"
        out += "    <title>" + XMLText.escape(title) + "</title>\n"
        out += "    <updated>" + Timestamp.format(updated) + "</updated>\n"
        out += "    <published>" + Timestamp.format(updated) + "</published>\n"
        if let link { out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XMLText.escape(link) + "\"/>\n" }
        out += "    <category term=\"" + XMLText.escape(story.value) + "\"/>\n"
        out += "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + content + "</div></content>\n"
        out += "  </entry>\n"
        return out
    }

    /// The order of a feed: the newest first; at the same time, by story, then the later version first.
    static func newestFirst(_ a: AtomEntry, _ b: AtomEntry) -> Bool {
        if a.updated != b.updated { return a.updated > b.updated }
        if a.story != b.story { return a.story < b.story }
        return a.number > b.number
    }
}
