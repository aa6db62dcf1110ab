import StoryDiff

/// The report's words for what happened to a paragraph, in place of the diff's machine names
/// (`moved-and-changed`); claim kinds have theirs in `ClaimChange.Kind.label`.
extension StoryPage {
    /// "Changed", "Moved and changed", "Split", ...
    static func opLabel(_ kind: ParagraphOp.Kind) -> String {
        switch kind {
        case .unchanged: return "Unchanged"
        case .changed: return "Changed"
        case .added: return "Added"
        case .removed: return "Removed"
        case .moved: return "Moved"
        case .movedChanged: return "Moved and changed"
        case .split: return "Split"
        case .merged: return "Merged"
        }
    }

    /// A pair's paragraph counts in words, only those that are not zero: "1 added, 1 changed,
    /// 3 merged"; "No paragraph changed" when none is.
    static func diffStat(_ diff: ParagraphDiff) -> String {
        let counts: [(Int, String)] = [
            (diff.count(.added), "added"), (diff.count(.removed), "removed"),
            (diff.count(.changed) + diff.count(.movedChanged), "changed"),
            (diff.count(.moved) + diff.count(.movedChanged), "moved"),
            (diff.count(.split), "split"), (diff.count(.merged), "merged"),
        ]
        let parts = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        guard !parts.isEmpty else { return "No paragraph changed" }
        return "Paragraphs: " + parts.joined(separator: ", ")
    }
}
