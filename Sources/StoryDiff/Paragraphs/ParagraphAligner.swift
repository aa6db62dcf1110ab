/// Aligns the paragraphs of two revisions: exact matches first; then similar paragraphs paired
/// by a global one-to-one assignment (the Hungarian method, maximising total similarity);
/// splits and merges by concatenating neighbours; then the fewest moves (matched paragraphs
/// outside a longest increasing subsequence of new positions). docs/diff/paragraphs.md.
public enum ParagraphAligner {
    /// The paragraph diff from `old` to `new`.
    ///
    /// - Complexity: for n old and m new paragraphs and their c characters:
    ///   - exact matches by hashing their bytes, O(c); only the k paragraphs left over are
    ///     tokenized and their tokens interned, in one pass over their bytes, O(c) expected;
    ///   - candidate pairs: paragraphs sharing a key word, O(k²) bounds (O(bag) each) at worst;
    ///     each paragraph nominates `DiffSettings.pairingNominees` partners, so at most
    ///     2 · `pairingNominees` · k pairs get a weighted LCS, O(a · b) for their a and b tokens;
    ///   - pairing: the Hungarian method, O(r² · q) for r <= q paragraphs with candidates, greedy
    ///     O(p log p) in the p pairs above `DiffSettings.assignmentLimit`;
    ///   - splits and merges: per left-over or changed paragraph, up to `splitAnchors` anchors
    ///     times (2 + ... + `maximumSplit`) windows, each a bound and at most one weighted LCS;
    ///   - moves: O(g²) for g matched groups up to `heaviestMovesLimit`, O(g log g) above;
    ///   - output: one Myers word diff per changed, split or merged group (`WordDiffer.diff`).
    public static func diff(old: [String], new: [String], settings: DiffSettings = DiffSettings()) -> ParagraphDiff {
        var state = ParagraphAlignment(old: old, new: new, settings: settings)
        state.pairSimilar()
        state.findSplitsAndMerges()
        return state.operations()
    }
}
