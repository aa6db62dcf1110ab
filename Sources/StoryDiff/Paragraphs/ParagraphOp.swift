/// One step of a paragraph diff.
public struct ParagraphOp: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case unchanged, changed, added, removed, moved
        case movedChanged = "moved-and-changed"
        case split, merged
    }

    public let kind: Kind
    /// Paragraph numbers in the old version, 1-based as editors count ("paragraph 3").
    public let old: [Int]
    /// Paragraph numbers in the new version, 1-based.
    public let new: [Int]
    /// Characters kept over all characters, 0 to 1 (1 for unchanged and moved).
    public let similarity: Double
    /// The word diff: equal text for unchanged and moved paragraphs, one insert for an added
    /// one, one delete for a removed one. In splits and merges, paragraph boundaries are
    /// `WordTokenizer.paragraphBreak` characters.
    public let words: [WordOp]
}
