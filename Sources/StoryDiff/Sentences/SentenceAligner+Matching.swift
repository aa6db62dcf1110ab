extension SentenceAligner {
    /// Identical sentences first, then neighbours split or merged (by more than `margin`), then
    /// the most similar pairs at or above `threshold`, one to one.
    static func match(_ before: [SentenceRef], _ after: [SentenceRef], threshold: Double, margin: Double)
        -> ([SentenceLink], [SentenceRef], [SentenceRef]) {
        var usedOld = Set<Int>()
        var usedNew = Set<Int>()
        var links: [SentenceLink] = []
        for (i, sentence) in before.enumerated() {
            if let j = after.indices.first(where: { !usedNew.contains($0) && after[$0].text == sentence.text }) {
                usedOld.insert(i)
                usedNew.insert(j)
                links.append(SentenceLink(old: [sentence], new: [after[j]]))
            }
        }
        // Bags only for the sentences still unmatched: the others are never looked at again.
        let maskedOld = before.indices.map { usedOld.contains($0) ? [:] : masked(before[$0].text) }
        let maskedNew = after.indices.map { usedNew.contains($0) ? [:] : masked(after[$0].text) }
        // Two neighbouring sentences that became one (merge) or one that became two (split):
        // when the pair joined is closer than either alone.
        groupNeighbours(count: before.count, others: after.count, usedSelf: &usedOld, usedOther: &usedNew,
                        masked: maskedOld, otherMasked: maskedNew, threshold: threshold, margin: margin) { i, j in
            links.append(SentenceLink(old: [before[i], before[i + 1]], new: [after[j]]))
        }
        groupNeighbours(count: after.count, others: before.count, usedSelf: &usedNew, usedOther: &usedOld,
                        masked: maskedNew, otherMasked: maskedOld, threshold: threshold, margin: margin) { j, i in
            links.append(SentenceLink(old: [before[i]], new: [after[j], after[j + 1]]))
        }
        var candidates: [(Int, Int, Double)] = []
        for i in before.indices where !usedOld.contains(i) {
            for j in after.indices where !usedNew.contains(j) {
                let similarity = dice(maskedOld[i], maskedNew[j])
                if similarity >= threshold { candidates.append((i, j, similarity)) }
            }
        }
        candidates.sort(by: pairsBefore)
        for (i, j, _) in candidates where !usedOld.contains(i) && !usedNew.contains(j) {
            usedOld.insert(i)
            usedNew.insert(j)
            links.append(SentenceLink(old: [before[i]], new: [after[j]]))
        }
        let restOld = before.indices.filter { !usedOld.contains($0) }.map { before[$0] }
        let restNew = after.indices.filter { !usedNew.contains($0) }.map { after[$0] }
        return (links, restOld, restNew)
    }

    /// The order candidate pairs (old index, new index, similarity) are taken in: the most
    /// similar first, then the closest in position, then the earliest in the old version.
    static func pairsBefore(_ a: (Int, Int, Double), _ b: (Int, Int, Double)) -> Bool {
        if a.2 != b.2 { return a.2 > b.2 }
        let distanceA = abs(a.0 - a.1)
        let distanceB = abs(b.0 - b.1)
        if distanceA != distanceB { return distanceA < distanceB }
        return a.0 < b.0
    }

    /// Finds sentences k, k + 1 on one side that together match one sentence on the other side
    /// better than either alone by more than `margin`, and reports them through `found(k, other)`.
    static func groupNeighbours(count: Int, others: Int, usedSelf: inout Set<Int>, usedOther: inout Set<Int>,
                                masked: [[String: Int]], otherMasked: [[String: Int]], threshold: Double,
                                margin: Double,
                                found: (Int, Int) -> Void) {
        guard count >= 2 else { return }
        for k in 0..<(count - 1) where !usedSelf.contains(k) && !usedSelf.contains(k + 1) {
            let joined = masked[k].merging(masked[k + 1], uniquingKeysWith: +)
            for other in 0..<others where !usedOther.contains(other) {
                let together = dice(joined, otherMasked[other])
                guard together >= threshold, together > dice(masked[k], otherMasked[other]) + margin,
                      together > dice(masked[k + 1], otherMasked[other]) + margin else { continue }
                usedSelf.insert(k)
                usedSelf.insert(k + 1)
                usedOther.insert(other)
                found(k, other)
                break
            }
        }
    }
}
