import Foundation
import StoryDiff
import Writethru
import WritethruSupport

/// The pieces of the static site (`writethru site`): its index page and where each report goes.
extension StoryPage {
    /// One row of the site's index.
    public struct IndexEntry: Sendable {
        public let story: StoryID
        public let headline: String
        public let versions: Int
        public let last: Date
        public let undeclared: Int
        public let flags: Int
        /// The zone the last update is shown in (the story's stated UTC offset; nil: UTC).
        public let lastOffset: Int?

        public init(_ timeline: StoryTimeline) {
            story = timeline.story
            headline = timeline.versions.last?.entry.headline ?? ""
            versions = timeline.versions.count
            last = timeline.versions.last?.entry.updated ?? Date(timeIntervalSince1970: 0)
            undeclared = timeline.versions.reduce(0) { $0 + ($1.audit?.undeclared.count ?? 0) }
            flags = timeline.versions.reduce(0) { $0 + ($1.audit?.flags.count ?? 0) }
            let zone = StoryPage.storyOffset(timeline)
            lastOffset = timeline.versions.last.flatMap { StoryPage.offset(of: $0.entry, story: zone) }
        }

        /// The index's order: the latest update first, stories updated at the same time by id.
        static func latestFirst(_ a: IndexEntry, _ b: IndexEntry) -> Bool {
            if a.last != b.last { return a.last > b.last }
            return a.story < b.story
        }
    }

    /// Where a story's report lives in the site, relative to the index.
    public static func sitePath(of story: StoryID) -> String { "stories/\(story.value).html" }

    /// "wrote DIR/index.html and 2 story pages, 203914 bytes, in 0.51 s"
    public static func siteWritten(directory: String, pages: Int, bytes: Int, seconds: Double) -> String {
        "wrote \(directory)/index.html and " + counted(pages, "story page", "story pages") + ", \(bytes) bytes, in "
            + FixedDecimal.format(seconds, places: 2) + " s\n"
    }

    /// The site's index: every story, the latest update first; `feeds` are announced in the
    /// head and linked beside the title.
    public static func siteIndex(_ entries: [IndexEntry], feeds: [FeedLink] = []) -> String {
        let sorted = entries.sorted(by: IndexEntry.latestFirst)
        let versions = entries.reduce(0) { $0 + $1.versions }
        let undeclared = entries.filter { $0.undeclared > 0 }.count
        var body = "<header>" + (feeds.isEmpty ? "" : "<p class=\"up\">" + feeds.map(feedAnchor).joined(separator: " ") + "</p>")
            + "<h1>Story archive</h1><p class=\"meta\">" + counted(entries.count, "story", "stories") + ", "
            + counted(versions, "version", "versions") + "; \(undeclared) with substantive changes the advisory "
            + "did not declare</p></header>\n"
        body += "<table class=\"index\"><thead><tr><th>Story</th><th>Latest headline</th><th>Versions</th>"
            + "<th>Last update</th><th>Undeclared</th><th>Flags</th></tr></thead><tbody>\n"
        for entry in sorted {
            let link = "<a href=\"" + escape(sitePath(of: entry.story)) + "\">" + escape(entry.story.value) + "</a>"
            body += "<tr><td>" + link + "</td><td>" + escape(entry.headline) + "</td>"
                + "<td class=\"n\">\(entry.versions)</td><td>" + time(entry.last, offset: entry.lastOffset) + "</td>"
                + "<td class=\"n" + (entry.undeclared > 0 ? " alert" : "") + "\">\(entry.undeclared)</td>"
                + "<td class=\"n" + (entry.flags > 0 ? " alert" : "") + "\">\(entry.flags)</td></tr>\n"
        }
        return page(title: "Story archive", body: body + "</tbody></table>\n", script: false, feeds: feeds)
    }
}
