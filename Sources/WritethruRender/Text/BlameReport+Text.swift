import Foundation
import StoryDiff
import Writethru

extension BlameReport {
    static func text(_ timeline: StoryTimeline, version: Int, sentences: Bool, style: TextStyle) -> String {
        let rows = rows(timeline, version: version, sentences: sentences)
        let heading = TextLayout.wrap(title(timeline, version: version), width: max(20, style.width))
        var out = heading.joined(separator: "\n  ") + "\n"
        out += legend(timeline, rows: rows).map { "  " + $0 }.joined(separator: "\n") + "\n\n"
        let placeWidth = rows.map(\.place.count).max() ?? 2
        let head = "intro  last   back   " + "¶".padding(toLength: placeWidth, withPad: " ", startingAt: 0) + "  text"
        out += style.paint(head, "2") + "\n"
        let indent = 21 + placeWidth + 2
        for row in rows {
            let back = row.blame.reintroduced.map { "v\($0)" } ?? "·"
            let columns = ["v\(row.blame.introduced)", "v\(row.blame.lastChanged)", back]
                .map { $0.padding(toLength: 5, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            let prefix = columns + "  " + row.place.padding(toLength: placeWidth, withPad: " ", startingAt: 0) + "  "
            let lines = TextLayout.wrap(row.text, width: max(20, style.width - indent))
            let painted = row.blame.lastChanged == version ? style.paint(prefix, "33") : prefix
            out += painted + lines.joined(separator: "\n" + String(repeating: " ", count: indent)) + "\n"
        }
        return out
    }
}
