import StoryDiff
import Writethru

/// Renderings of a paragraph diff: terminal text (inline or side by side), a one-line stat,
/// JSON (schema `writethru.diff/1`, docs/schema/diff.schema.json), Markdown and HTML.
public enum DiffReport {
    public static func stat(_ comparison: Comparison) -> String {
        let diff = comparison.diff
        var parts = ["+\(diff.count(.added)) added", "-\(diff.count(.removed)) removed",
                     "~\(diff.count(.changed) + diff.count(.movedChanged)) changed",
                     "\(diff.count(.moved) + diff.count(.movedChanged)) moved"]
        if diff.count(.split) > 0 { parts.append("\(diff.count(.split)) split") }
        if diff.count(.merged) > 0 { parts.append("\(diff.count(.merged)) merged") }
        return parts.joined(separator: "  ")
    }

    static func label(_ side: ComparedSide) -> String {
        if let version = side.version {
            return "\(version.story) v\(version.number)" + (version.tag.map { " \($0)" } ?? "") + "  "
                + Timestamp.format(version.updated) + "  " + version.commit.short() + "  " + side.headline
        }
        return (side.file ?? "-") + "  " + side.headline
    }

    static func numbers(_ list: [Int]) -> String {
        list.isEmpty ? "" : "¶" + list.map(String.init).joined(separator: "+")
    }

    /// Where a paragraph operation is, for Markdown and HTML: "¶2 → ¶3+4", or one side's numbers.
    static func place(_ op: ParagraphOp) -> String {
        numbers(op.old) + (op.old.isEmpty || op.new.isEmpty ? "" : " → ") + numbers(op.new)
    }

    /// `diff --format json`, schema `writethru.diff/1`.
    public static func json(_ comparison: Comparison) -> String {
        JSONOutput.render(DiffJSON(comparison))
    }
}
