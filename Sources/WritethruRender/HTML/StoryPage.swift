import Foundation
import StoryDiff
import StoryText
import Writethru

/// Self-contained HTML pages: the story report (`writethru report`), the pages of a static
/// site (`writethru site`), and the HTML forms of `timeline`, `blame` and `history`. Inline
/// CSS, a few lines of inline JavaScript for the version picker, nothing fetched; every piece
/// of story text is escaped.
public enum StoryPage {
    /// A feed a page announces: `<link rel="alternate" type="application/atom+xml">` in its head
    /// and a small link beside its title.
    public struct FeedLink: Sendable, Equatable {
        /// The feed's title, for feed readers that offer it ("Updates to us-china-alaska-talks").
        public let title: String
        /// Where the feed is, relative to the page or absolute.
        public let href: String
        /// The visible link's text ("Feed").
        public let label: String

        public init(title: String, href: String, label: String = "Feed") {
            self.title = title
            self.href = href
            self.label = label
        }
    }

    /// The whole report of one story: timeline, any pair of versions compared (inline or side
    /// by side), claim changes, audit flags, and the blame of the latest version; `feeds` are
    /// announced in the head and linked beside the title.
    ///
    /// - Complexity: with v versions, (v − 1)(v − 2) / 2 paragraph diffs and claim comparisons
    ///   (the steps come with the timeline), run on all cores (`compareSection`).
    public static func report(_ timeline: StoryTimeline, indexLink: String? = nil, feeds: [FeedLink] = []) -> String {
        var body = header(timeline, indexLink: indexLink, feeds: feeds)
        body += "<nav><a href=\"#timeline\">Timeline</a> <a href=\"#compare\">Compare versions</a> "
            + "<a href=\"#blame\">Where each sentence came from</a></nav>\n"
        body += timelineSection(timeline, links: true)
        body += compareSection(timeline)
        body += blameSection(timeline, version: timeline.versions.count)
        return page(title: timeline.versions.last?.entry.headline ?? timeline.story.value, body: body, script: true,
                    feeds: feeds)
    }

    static func header(_ timeline: StoryTimeline, indexLink: String?, feeds: [FeedLink] = []) -> String {
        let latest = timeline.versions.last?.entry
        var out = "<header>"
        var links: [String] = []
        if let indexLink { links.append("<a href=\"" + escape(indexLink) + "\">All stories</a>") }
        links += feeds.map(feedAnchor)
        if !links.isEmpty { out += "<p class=\"up\">" + links.joined(separator: " ") + "</p>" }
        out += "<h1>" + escape(latest?.headline ?? timeline.story.value) + "</h1>"
        out += "<p class=\"meta\">" + meta(timeline) + "</p></header>\n"
        return out
    }

    /// "us-china-alaska-talks · 5 versions, 11 Mar 2021, 06:06 UTC to 18:18 UTC" (the day
    /// given once when both ends fall on it), "… 1 version, 12 Mar 2021, 08:00 UTC".
    static func meta(_ timeline: StoryTimeline) -> String {
        guard let first = timeline.versions.first?.entry, let last = timeline.versions.last?.entry else {
            return escape(timeline.story.value) + " · no versions"
        }
        let zone = storyOffset(timeline)
        let (from, to) = (offset(of: first, story: zone), offset(of: last, story: zone))
        var out = escape(timeline.story.value) + " · " + counted(timeline.versions.count, "version", "versions") + ", "
            + time(first.updated, offset: from)
        if timeline.versions.count > 1 {
            let day = !sameDay(first.updated, from, last.updated, to)
            out += " to " + time(last.updated, offset: to, day: day)
        }
        return out
    }

    /// The small visible link to a feed.
    static func feedAnchor(_ feed: FeedLink) -> String {
        "<a class=\"feed\" href=\"" + escape(feed.href) + "\" type=\"application/atom+xml\" title=\""
            + escape(feed.title) + "\">" + escape(feed.label) + "</a>"
    }

    static func words(_ ops: [WordOp]) -> String {
        ops.map { word -> String in
            let text = escape(word.shown)
                .replacingOccurrences(of: WordTokenizer.paragraphBreak, with: "<span class=\"break\">¶</span> ")
            switch word.kind {
            case .equal: return text
            case .delete: return "<del>" + text + "</del>"
            case .insert: return "<ins>" + text + "</ins>"
            }
        }.joined()
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }

    static func page(title: String, body: String, script: Bool, feeds: [FeedLink] = []) -> String {
        let alternate = feeds.map { feed in
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + escape(feed.title) + "\" href=\""
                + escape(feed.href) + "\">\n"
        }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        \(alternate)<style>\(css)</style></head><body>
        \(body)\(script ? "<script>" + javascript + "</script>\n" : "")</body></html>

        """
    }
}
