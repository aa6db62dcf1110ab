import StoryDiff
import Writethru

extension BlameReport {
    static func markdown(_ timeline: StoryTimeline, version: Int, sentences: Bool) -> String {
        let rows = rows(timeline, version: version, sentences: sentences)
        var out = "# " + Markdown.escape(title(timeline, version: version)) + "\n\n"
        out += legend(timeline, rows: rows).map { "- " + Markdown.escape($0) }.joined(separator: "\n") + "\n\n"
        out += "| introduced | last changed | back in | ¶ | text |\n| --- | --- | --- | --- | --- |\n"
        for row in rows {
            let back = row.blame.reintroduced.map { "v\($0)" } ?? ""
            out += "| v\(row.blame.introduced) | v\(row.blame.lastChanged) | " + back + " | " + row.place + " | "
                + Markdown.escape(row.text) + " |\n"
        }
        return out
    }
}
