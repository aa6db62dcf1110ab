import Foundation
import StoryDiff
import StoryText
import Writethru

extension TimelineReport {
    static func text(_ timeline: StoryTimeline, style: TextStyle, since: Date? = nil) -> String {
        var out = TextLayout.wrap(header(timeline, since: since), width: max(20, style.width))
            .joined(separator: "\n  ") + "\n"
        for version in shown(timeline, since: since) {
            let entry = version.entry
            let previous = versionBefore(version, in: timeline)
            let digest = UpdateDigest(story: timeline.story, version: version)
            out += "\n"
            var head = [style.paint(label(entry), "1"), Timestamp.format(entry.updated)]
            if let previous { head.append("(" + gap(entry.updated.timeIntervalSince(previous.updated)) + ")") }
            out += head.joined(separator: "  ") + "\n"
            let lines = digest.lines.map { line -> String in
                switch line.kind {
                case .headline:
                    guard let old = digest.previousHeadline else { return TerminalSafe.escape(line.text) }
                    return "headline: " + DiffReport.inline(WordDiffer.diff(old, line.text).ops,
                                                            style: DiffStyle(color: style.color))
                case .change: return style.paint("* ", line.substantive ? "33" : "2") + line.text
                case .more: return "  " + line.text
                case .notFound, .undeclared, .flag: return style.paint(line.text, "31")
                case .advisory, .stats, .found: return line.text
                }
            }
            out += block(lines, style: style)
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
