import Foundation
import Writethru

/// `writethru changes`: every version recorded since a time, one block per story, for a desk's
/// morning check (docs/delivery.md, "changes"). JSON schema `writethru.changes/1`
/// (docs/schema/changes.schema.json); JSON Lines: one `UpdateJSON` a line, with its archive.
public enum ChangesReport {
    /// How many of an update's claim changes the text lists (the most significant).
    public static let changeLines = 3

    public static func render(_ stories: [ChangedStory], since: Date, undeclaredOnly: Bool,
                              format: ListFormat, style: TextStyle = TextStyle()) -> String {
        switch format {
        case .json:
            return JSONOutput.render(ChangesJSON(stories: stories, since: since, undeclaredOnly: undeclaredOnly))
        case .jsonl:
            return stories.flatMap { story in
                story.updates.map { JSONOutput.line(ChangeLineJSON(archive: story.archive, update: UpdateJSON($0))) }
            }.joined()
        case .text:
            return text(stories, since: since, undeclaredOnly: undeclaredOnly, style: style)
        }
    }

    /// "3 updates to 2 stories recorded since T", then per story its name, count and latest
    /// headline, and per update its title, times and top change lines and audit findings.
    static func text(_ stories: [ChangedStory], since: Date, undeclaredOnly: Bool, style: TextStyle) -> String {
        let what = undeclaredOnly ? "with audit findings " : ""
        let count = stories.reduce(0) { $0 + $1.updates.count }
        guard count > 0 else { return "no updates \(what)recorded since \(Timestamp.format(since))\n" }
        var out = counted(count, "update", "updates") + " " + what + "to " + counted(stories.count, "story", "stories")
            + " recorded since " + Timestamp.format(since) + "\n"
        for story in stories {
            let name = (story.archive.map { $0 + ": " } ?? "") + story.story.value
            out += "\n" + style.paint(TerminalSafe.escape(name), "1") + "  "
                + counted(story.updates.count, "update", "updates") + "  " + TerminalSafe.escape(story.headline) + "\n"
            for digest in story.updates {
                out += "  " + TerminalSafe.escape(digest.title) + "\n"
                let entry = digest.entry
                var lines = ["v\(entry.number)  updated " + Timestamp.format(entry.updated) + "  recorded "
                                + Timestamp.format(entry.recorded)]
                let changes = digest.lines.filter { $0.kind == .change }.prefix(changeLines)
                lines += changes.map { style.paint("* ", $0.substantive ? "33" : "2") + TerminalSafe.escape($0.text) }
                let more = digest.ranked.count - changes.count
                if more > 0 { lines.append("  … and " + TimelineReport.more(more)) }
                lines += digest.lines.filter { [.notFound, .undeclared, .flag].contains($0.kind) }
                    .map { style.paint(TerminalSafe.escape($0.text), "31") }
                out += TimelineReport.block(lines, style: style)
            }
        }
        return out
    }
}
