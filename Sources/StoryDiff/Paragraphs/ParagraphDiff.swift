/// A paragraph diff, in the order of the new version, removed paragraphs where they stood.
public struct ParagraphDiff: Sendable, Equatable {
    public let ops: [ParagraphOp]
    /// True when there were too many unmatched paragraphs for the optimal pairing, and a greedy
    /// global pairing was used instead.
    public let usedGreedyPairing: Bool
    /// True when some word diff was too large and reported a whole replacement.
    public let wordDiffGaveUp: Bool

    public func count(_ kind: ParagraphOp.Kind) -> Int { ops.filter { $0.kind == kind }.count }

    /// The new version's paragraphs, rebuilt from the operations alone.
    public var newParagraphs: [String] {
        // Typed step by step: as one chained expression it took a third of a second to type-check.
        ops.filter { $0.kind != .removed }.flatMap { (op: ParagraphOp) -> [String] in
            let text: String = op.words.filter { $0.kind != .delete }.map(\.text).joined()
            return text.split(separator: "\u{2029}", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The old version's paragraphs, in old order, rebuilt from the operations alone.
    public var oldParagraphs: [String] {
        var byNumber: [Int: String] = [:]
        for op in ops where !op.old.isEmpty {
            let texts = op.words.filter { $0.kind != .insert }.map(\.oldText).joined()
                .split(separator: "\u{2029}", omittingEmptySubsequences: false).map(String.init)
            for (number, text) in zip(op.old, texts) { byNumber[number] = text }
        }
        return byNumber.keys.sorted().compactMap { byNumber[$0] }
    }
}
