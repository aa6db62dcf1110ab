import Foundation
import StoryDiff
import StoryText
import Writethru

/// Self-contained HTML pages: the story report (`writethru report`), the pages of a static
/// site (`writethru site`), and the HTML forms of `timeline`, `blame` and `history`. Inline
/// CSS, a few lines of inline JavaScript for the version picker, nothing fetched; every piece
/// of story text is escaped.
public enum StoryPage {
    /// Up to this many versions, the report holds the diff of every pair of versions; above
    /// it, each version against the one before, the first and the latest.
    public static let allPairsLimit = 30

    /// The whole report of one story: timeline, any pair of versions compared (inline or side
    /// by side), claim changes, audit flags, and the blame of the latest version.
    ///
    /// - Complexity: with v versions, up to `allPairsLimit`, (v − 1)(v − 2) / 2 paragraph diffs
    ///   (the steps come with the timeline), run on all cores; above it, fewer than 2v, so a long
    ///   story's report stays linear in its versions.
    public static func report(_ timeline: StoryTimeline, indexLink: String? = nil) -> String {
        var body = header(timeline, indexLink: indexLink)
        body += "<nav><a href=\"#timeline\">Timeline</a> <a href=\"#compare\">Compare versions</a> "
            + "<a href=\"#blame\">Where each sentence came from</a></nav>\n"
        body += timelineSection(timeline, links: true)
        body += compareSection(timeline)
        body += blameSection(timeline, version: timeline.versions.count)
        return page(title: timeline.versions.last?.entry.headline ?? timeline.story.value, body: body, script: true)
    }

    static func header(_ timeline: StoryTimeline, indexLink: String?) -> String {
        let latest = timeline.versions.last?.entry
        var out = "<header>"
        if let indexLink { out += "<p class=\"up\"><a href=\"" + escape(indexLink) + "\">All stories</a></p>" }
        out += "<h1>" + escape(latest?.headline ?? timeline.story.value) + "</h1>"
        out += "<p class=\"meta\">" + escape(TimelineReport.header(timeline)) + "</p></header>\n"
        return out
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

    static func page(title: String, body: String, script: Bool) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style></head><body>
        \(body)\(script ? "<script>" + javascript + "</script>\n" : "")</body></html>

        """
    }
}
