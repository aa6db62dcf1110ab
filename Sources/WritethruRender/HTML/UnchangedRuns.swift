/// Which paragraphs of a compare view are folded away: runs of unchanged paragraphs, less the
/// one paragraph of context kept beside each change, when at least `minimum` remain. Paragraphs
/// that changed, moved, split or merged are always shown.
enum UnchangedRuns {
    /// One piece of the view: an operation shown, or a run of unchanged ones folded into one line.
    enum Piece: Equatable {
        case shown(Int)
        case folded(Range<Int>)
    }

    /// The fewest unchanged paragraphs folded into one line ("3 unchanged paragraphs"); shorter
    /// runs are shown, since a line that opens to two paragraphs saves nothing.
    static let minimum = 3

    /// The pieces of a view whose operations are unchanged (`true`) or not, in order.
    ///
    /// - Complexity: O(n) in the operations.
    static func pieces(_ unchanged: [Bool]) -> [Piece] {
        var pieces: [Piece] = []
        var index = 0
        while index < unchanged.count {
            guard unchanged[index] else {
                pieces.append(.shown(index))
                index += 1
                continue
            }
            var end = index
            while end < unchanged.count, unchanged[end] { end += 1 }
            // One paragraph of context after the change before the run, one before the change after it.
            let first = index > 0 ? index + 1 : index
            let last = end < unchanged.count ? end - 1 : end
            if last - first >= minimum {
                if first > index { pieces.append(.shown(index)) }
                pieces.append(.folded(first..<last))
                if last < end { pieces.append(.shown(last)) }
            } else {
                pieces += (index..<end).map(Piece.shown)
            }
            index = end
        }
        return pieces
    }
}
