import StoryDiff
import Writethru

extension HistoryReport {
    static func markdown(_ timeline: StoryTimeline, history: ClaimHistory) -> String {
        var out = "# " + Markdown.escape(title(timeline, history: history)) + "\n"
        for lineage in history.lineages {
            out += "\n## s\(lineage.id), first written in v\(lineage.origin); " + presence(lineage, in: timeline)
                + "\n\n"
            for event in lineage.events {
                let entry = timeline.versions[event.version - 1].entry
                out += "- **" + Markdown.escape(TimelineReport.label(entry)) + "** " + describe(event)
                let reasons = Self.reasons(event)
                if !reasons.isEmpty { out += ": " + reasons.map { Markdown.escape($0.reason) }.joined(separator: "; ") }
                out += "\n"
                if let after = event.after {
                    out += "  > " + Markdown.escape(after) + "\n"
                } else if let before = event.before {
                    out += "  > ~~" + Markdown.escape(before) + "~~\n"
                }
            }
        }
        return out
    }
}
