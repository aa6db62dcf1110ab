extension SentenceAligner {
    /// Completes merges and splits one half of which already cleared a bar alone: for each
    /// one-to-one link, a left-over neighbour (the sentence just before or after, in the same
    /// version) that lies almost wholly inside what the other side says beyond the linked
    /// sentence (`InformativeWeights.containment` of the neighbour in the other side's words
    /// minus the linked sentence's, at or above `threshold`) joins the link, when the joined
    /// text is at least as similar to the other side as the linked sentence alone.
    /// "Twenty patients fell ill. None is seriously ill." -> "Twenty patients fell ill, though
    /// none is seriously ill." is one merge, not a link and a removal.
    ///
    /// - Complexity: O(l) bag comparisons for l links (each O(words)), with hashing of the
    ///   sentences left over.
    static func absorbNeighbours(_ links: inout [SentenceLink], leftoverOld: inout [SentenceRef],
                                 leftoverNew: inout [SentenceRef], oldSentences: [[String]],
                                 newSentences: [[String]], weights: InformativeWeights, threshold: Double) {
        var freeOld = Dictionary(leftoverOld.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var freeNew = Dictionary(leftoverNew.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        guard !freeOld.isEmpty || !freeNew.isEmpty else { return }
        for index in links.indices {
            let link = links[index]
            guard link.old.count == 1, link.new.count == 1, let from = link.old.first, let to = link.new.first,
                  from.text != to.text else { continue }
            let a = masked(from.text)
            let b = masked(to.text)
            let alone = weights.similarity(a, b)
            var best: (score: Double, old: Bool, neighbour: SentenceRef)?
            for neighbour in neighbourKeys(from, oldSentences).compactMap({ freeOld[$0] }) {
                let n = masked(neighbour.text)
                let score = weights.containment(n, in: subtracting(b, a))
                guard score >= threshold, weights.similarity(a.merging(n, uniquingKeysWith: +), b) >= alone,
                      score > (best?.score ?? 0) else { continue }
                best = (score, true, neighbour)
            }
            for neighbour in neighbourKeys(to, newSentences).compactMap({ freeNew[$0] }) {
                let n = masked(neighbour.text)
                let score = weights.containment(n, in: subtracting(a, b))
                guard score >= threshold, weights.similarity(a, b.merging(n, uniquingKeysWith: +)) >= alone,
                      score > (best?.score ?? 0) else { continue }
                best = (score, false, neighbour)
            }
            guard let best else { continue }
            if best.old {
                freeOld[key(best.neighbour)] = nil
                links[index] = SentenceLink(old: [from, best.neighbour].sorted { key($0) < key($1) }, new: [to])
            } else {
                freeNew[key(best.neighbour)] = nil
                links[index] = SentenceLink(old: [from], new: [to, best.neighbour].sorted { key($0) < key($1) })
            }
        }
        leftoverOld = leftoverOld.filter { freeOld[key($0)] != nil }
        leftoverNew = leftoverNew.filter { freeNew[key($0)] != nil }
    }

    /// The keys (`key(_:)`) of the sentences just before and just after `sentence` in its
    /// version, across a paragraph break too.
    static func neighbourKeys(_ sentence: SentenceRef, _ paragraphs: [[String]]) -> [Int] {
        var found: [Int] = []
        let p = sentence.paragraph
        if sentence.index > 0 {
            found.append(p << 20 | (sentence.index - 1))
        } else if paragraphs.indices.contains(p - 2), !paragraphs[p - 2].isEmpty {
            found.append((p - 1) << 20 | (paragraphs[p - 2].count - 1))
        }
        if paragraphs.indices.contains(p - 1), sentence.index + 1 < paragraphs[p - 1].count {
            found.append(p << 20 | (sentence.index + 1))
        } else if paragraphs.indices.contains(p), !paragraphs[p].isEmpty {
            found.append((p + 1) << 20)
        }
        return found
    }

    /// The words of `whole` beyond those of `part` (counts subtracted, none below zero).
    static func subtracting(_ whole: [String: Int], _ part: [String: Int]) -> [String: Int] {
        whole.reduce(into: [:]) { rest, entry in
            let left = entry.value - (part[entry.key] ?? 0)
            if left > 0 { rest[entry.key] = left }
        }
    }
}
