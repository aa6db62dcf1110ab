import Foundation
import StoryDiff
import Writethru

extension HistoryReport {
    static func text(_ timeline: StoryTimeline, history: ClaimHistory, style: TextStyle) -> String {
        var out = title(timeline, history: history) + "\n"
        let diffStyle = DiffStyle(color: style.color, width: style.width)
        let width = max(20, style.width - 8)
        for lineage in history.lineages {
            out += "\n" + style.paint("s\(lineage.id)", "1") + "  first written in v\(lineage.origin); "
                + presence(lineage, in: timeline) + "\n"
            for event in lineage.events {
                let entry = timeline.versions[event.version - 1].entry
                out += "  " + TimelineReport.label(entry).padding(toLength: 12, withPad: " ", startingAt: 0) + "  "
                    + describe(event) + "\n"
                for change in reasons(event) {
                    let lines = TextLayout.wrap(change.reason, width: width)
                    out += lines.map { "        " + style.paint($0, "33") + "\n" }.joined()
                }
                let shown: String
                switch (event.before, event.after) {
                case (let before?, let after?) where before != after && event.kind != .split:
                    shown = DiffReport.inline(WordDiffer.diff(before, after).ops, style: diffStyle)
                case (_, let after?): shown = after
                case (let before?, nil) where event.kind == .removed:
                    shown = DiffReport.inline([WordOp(.delete, before)], style: diffStyle)
                case (let before?, nil): shown = before
                case (nil, nil): shown = ""
                }
                out += TextLayout.wrap(shown, width: width).map { "        " + $0 + "\n" }.joined()
            }
        }
        return out
    }
}
