extension ParagraphAlignment {
    /// Marks the fewest units as moved: those outside a longest increasing subsequence of new
    /// positions, taken in old order. A pair too different to be a move becomes a removal and
    /// an addition.
    func movedUnits() -> Set<Int> {
        let live = units.indices.filter { !units[$0].old.isEmpty && !units[$0].new.isEmpty }
            .sorted { units[$0].old[0] < units[$1].old[0] }
        let weights = live.map { units[$0].similarity }
        let inOrder = Set(LongestIncreasing.heaviestSubsequence(live.map { units[$0].new[0] }, weights: weights,
                                                                limit: settings.heaviestMovesLimit).map { live[$0] })
        return Set(live.filter { !inOrder.contains($0) })
    }

    func operations() -> ParagraphDiff {
        let moved = movedUnits()
        var demoted = Set<Int>()
        for u in moved where units[u].old.count == 1 && units[u].new.count == 1 && !units[u].exact {
            if units[u].similarity <= settings.moveThreshold { demoted.insert(u) }
        }
        func isMatched(_ u: Int?) -> Bool { u.map { !demoted.contains($0) } ?? false }

        var ops: [ParagraphOp] = []
        var gaveUp = false
        var opOfUnit: [Int: Int] = [:]
        for j in new.indices {
            if let u = newUnit[j], isMatched(u) {
                guard units[u].new.first == j else { continue }
                opOfUnit[u] = ops.count
                let (op, unitGaveUp) = op(for: units[u], moved: moved.contains(u))
                ops.append(op)
                gaveUp = gaveUp || unitGaveUp
            } else {
                ops.append(ParagraphOp(kind: .added, old: [], new: [j + 1], similarity: 0,
                                       words: [WordOp(.insert, new[j])]))
            }
        }
        // Removed paragraphs go right after the op holding the nearest earlier old paragraph
        // that stayed in order.
        var insertions: [Int: [ParagraphOp]] = [:]
        var anchor = -1
        for i in old.indices {
            if let u = oldUnit[i], isMatched(u) {
                if !moved.contains(u), let position = opOfUnit[u] { anchor = position }
                continue
            }
            insertions[anchor, default: []].append(
                ParagraphOp(kind: .removed, old: [i + 1], new: [], similarity: 0, words: [WordOp(.delete, old[i])]))
        }
        var result = insertions[-1] ?? []
        for (position, op) in ops.enumerated() {
            result.append(op)
            result += insertions[position] ?? []
        }
        return ParagraphDiff(ops: result, usedGreedyPairing: usedGreedy, wordDiffGaveUp: gaveUp)
    }

    /// The operation of a unit, with its word diff (computed here, once, for display), and
    /// whether that word diff gave up.
    func op(for unit: Unit, moved: Bool) -> (ParagraphOp, Bool) {
        let oldNumbers = unit.old.map { $0 + 1 }
        let newNumbers = unit.new.map { $0 + 1 }
        if unit.exact {
            let text = new[unit.new[0]]
            return (ParagraphOp(kind: moved ? .moved : .unchanged, old: oldNumbers, new: newNumbers, similarity: 1,
                                words: [WordOp(.equal, text, oldText: old[unit.old[0]])]), false)
        }
        // The tokens interned once, at the start of the alignment: no second tokenising.
        let diff = WordDiffer.diff(DiffSequence.joined(unit.old.map { oldInterned[$0].sequence }),
                                   DiffSequence.joined(unit.new.map { newInterned[$0].sequence }), settings: settings)
        let kind: ParagraphOp.Kind = if unit.new.count > 1 {
            .split
        } else if unit.old.count > 1 {
            .merged
        } else {
            moved ? .movedChanged : .changed
        }
        return (ParagraphOp(kind: kind, old: oldNumbers, new: newNumbers, similarity: unit.similarity, words: diff.ops),
                diff.gaveUp)
    }
}
