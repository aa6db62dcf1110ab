import StoryDiff
import Writethru

extension StoryPage {
    public static func historyPage(_ timeline: StoryTimeline, history: ClaimHistory) -> String {
        var body = header(timeline, indexLink: nil) + "<section id=\"history\"><h2>"
            + escape(HistoryReport.title(timeline, history: history)) + "</h2>\n"
        for lineage in history.lineages {
            body += "<article class=\"lineage\"><h3>s\(lineage.id), first written in v\(lineage.origin); "
                + escape(HistoryReport.presence(lineage, in: timeline)) + "</h3><ol>\n"
            for event in lineage.events {
                let entry = timeline.versions[event.version - 1].entry
                body += "<li class=\"event \(event.kind.rawValue)\"><span class=\"vnum\">"
                    + escape(TimelineReport.label(entry)) + "</span> " + escape(HistoryReport.describe(event))
                let reasons = HistoryReport.reasons(event)
                if !reasons.isEmpty { body += ": " + escape(reasons.map(\.reason).joined(separator: "; ")) }
                switch (event.before, event.after) {
                case (let before?, let after?) where before != after && event.kind != .split:
                    body += "<p class=\"text\">" + words(WordDiffer.diff(before, after).ops) + "</p>"
                case (_, let after?): body += "<p class=\"text\">" + escape(after) + "</p>"
                case (let before?, nil): body += "<p class=\"text\"><del>" + escape(before) + "</del></p>"
                case (nil, nil): break
                }
                body += "</li>\n"
            }
            body += "</ol></article>\n"
        }
        return page(title: "History of a claim in \(timeline.story)", body: body + "</section>\n", script: false)
    }
}
