/// The word-level difference of two texts.
public struct WordDiff: Sendable, Equatable {
    public let ops: [WordOp]
    /// Characters kept over all characters: 2 x kept / (old + new), from 0 to 1.
    public let similarity: Double
    /// True when the texts were too long to compare word by word within the limit, and the
    /// diff says only "all of the old replaced by all of the new".
    public let gaveUp: Bool

    /// The new text, rebuilt from the operations.
    public var newText: String { ops.filter { $0.kind != .delete }.map(\.text).joined() }
    /// The old text, rebuilt from the operations.
    public var oldText: String { ops.filter { $0.kind != .insert }.map(\.oldText).joined() }
}
