import Foundation
import StoryDiff
import StoryText
import Writethru

extension TimelineReport {
    static func text(_ timeline: StoryTimeline, style: TextStyle) -> String {
        var out = TextLayout.wrap(header(timeline), width: max(20, style.width)).joined(separator: "\n  ") + "\n"
        var previous: VersionEntry?
        for version in timeline.versions {
            let entry = version.entry
            out += "\n"
            var head = [style.paint(label(entry), "1"), Timestamp.format(entry.updated)]
            if let previous { head.append("(" + gap(entry.updated.timeIntervalSince(previous.updated)) + ")") }
            out += head.joined(separator: "  ") + "\n"
            var lines: [String] = []
            if let step = version.step, step.from.headline != step.to.headline {
                lines.append("headline: " + DiffReport.inline(WordDiffer.diff(step.from.headline, step.to.headline).ops,
                                                              style: DiffStyle(color: style.color)))
            } else {
                lines.append(TerminalSafe.escape(entry.headline))
            }
            if let advisory = version.advisory { lines.append(advisory.text) }
            guard let step = version.step, let audit = version.audit else {
                lines.append(firstVersion(version.paragraphs.count))
                out += block(lines, style: style)
                previous = entry
                continue
            }
            lines.append(Stats(step).line)
            let ranked = ranked(step.claims)
            for change in ranked.prefix(shownChanges) {
                lines.append(style.paint("* ", change.significance == .substantive ? "33" : "2") + summary(change))
            }
            if ranked.count > shownChanges { lines.append("  … and " + more(ranked.count - shownChanges)) }
            for line in auditLines(audit) {
                lines.append(line.kind == "found" ? line.text : style.paint(line.text, "31"))
            }
            out += block(lines, style: style)
            previous = entry
        }
        return out
    }

    /// Lines indented by four spaces, each wrapped to the width with a hanging indent.
    static func block(_ lines: [String], style: TextStyle) -> String {
        lines.map { line in
            let hang = line.hasPrefix("* ") || line.hasPrefix("\u{1B}") ? "      " : "    "
            let wrapped = TextLayout.wrap(line, width: max(20, style.width - hang.count))
            return wrapped.enumerated().map { ($0.offset == 0 ? "    " : hang) + $0.element }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }
}
