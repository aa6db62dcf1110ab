/// Aligns the paragraphs of two revisions: exact matches first; then similar paragraphs paired
/// by a global one-to-one assignment (the Hungarian method, maximising total similarity);
/// splits and merges by concatenating neighbours; then the fewest moves (matched paragraphs
/// outside a longest increasing subsequence of new positions). docs/diff/paragraphs.md.
///
/// - Complexity: O(n + m) for exact matches; candidate pairs are limited to paragraphs that
///   share a rare word; the assignment is O(k^3) in the k unmatched paragraphs (greedy above
///   `DiffSettings.assignmentLimit`).
public enum ParagraphAligner {
    public static func diff(old: [String], new: [String], settings: DiffSettings = DiffSettings()) -> ParagraphDiff {
        var state = ParagraphAlignment(old: old, new: new, settings: settings)
        state.pairSimilar()
        state.findSplitsAndMerges()
        return state.operations()
    }
}
