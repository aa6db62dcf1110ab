extension SentenceAligner {
    /// Where a sentence stands in its version, as one comparable number: paragraph, then
    /// sentence.
    static func key(_ sentence: SentenceRef) -> Int { sentence.paragraph << 20 | sentence.index }

    /// Pairs the sentences left over that stand in the same slot: between the same two
    /// anchors (sentences already linked, paragraphs kept whole) in both versions, in order.
    /// A rewritten lede, an updated figure or a sentence rewritten between two kept neighbours
    /// shares few words with what it replaced, but it stands where that stood: inside a slot
    /// a pair needs only `threshold`, on the greater of the informative similarity and the
    /// containment of either sentence in the other (`InformativeWeights`), and two telling
    /// words in common (`InformativeWeights.shareTwoWords`); the best pairs first.
    ///
    /// `anchors` are (old key, new key) pairs; the slots are cut by the longest run of them in
    /// order in both versions, so a moved sentence does not cut them.
    ///
    /// - Complexity: O(k log k) for the k anchors, then O(a · b) bag comparisons for each slot
    ///   of a old and b new sentences left over.
    static func slotLinks(_ before: [SentenceRef], _ after: [SentenceRef], anchors: [(Int, Int)],
                          weights: InformativeWeights, threshold: Double)
        -> ([SentenceLink], [SentenceRef], [SentenceRef]) {
        let sorted = anchors.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let run = LongestIncreasing.subsequence(sorted.map(\.1)).map { sorted[$0] }
        let oldCuts = run.map(\.0)
        let newCuts = run.map(\.1)
        var oldBySlot: [Int: [Int]] = [:]
        var newBySlot: [Int: [Int]] = [:]
        for (i, sentence) in before.enumerated() { oldBySlot[slot(key(sentence), oldCuts), default: []].append(i) }
        for (j, sentence) in after.enumerated() { newBySlot[slot(key(sentence), newCuts), default: []].append(j) }
        var candidates: [(Int, Int, Double)] = []
        var bags: [String: [String: Int]] = [:]
        func bag(_ text: String) -> [String: Int] {
            if let known = bags[text] { return known }
            let made = masked(text)
            bags[text] = made
            return made
        }
        for (slot, olds) in oldBySlot {
            guard let news = newBySlot[slot] else { continue }
            for i in olds {
                let a = bag(before[i].text)
                for j in news {
                    let b = bag(after[j].text)
                    guard weights.shareTwoWords(a, b) else { continue }
                    let score = max(weights.similarity(a, b), weights.containment(a, in: b), weights.containment(b, in: a))
                    if score >= threshold { candidates.append((i, j, score)) }
                }
            }
        }
        return oneToOne(before, after, candidates)
    }

    /// The number of cuts before `key`: sentences with the same number stand between the same
    /// two anchors. `cuts` is increasing.
    ///
    /// - Complexity: O(log k).
    static func slot(_ key: Int, _ cuts: [Int]) -> Int {
        var low = 0
        var high = cuts.count
        while low < high {
            let mid = (low + high) / 2
            if cuts[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Candidate pairs (old index, new index, score) taken one to one in `pairsBefore` order;
    /// returns the links and the sentences of each side left unpaired.
    ///
    /// - Complexity: O(p log p) for p candidates.
    static func oneToOne(_ before: [SentenceRef], _ after: [SentenceRef], _ candidates: [(Int, Int, Double)])
        -> ([SentenceLink], [SentenceRef], [SentenceRef]) {
        var usedOld = Set<Int>()
        var usedNew = Set<Int>()
        var links: [SentenceLink] = []
        for (i, j, _) in candidates.sorted(by: pairsBefore) where !usedOld.contains(i) && !usedNew.contains(j) {
            usedOld.insert(i)
            usedNew.insert(j)
            links.append(SentenceLink(old: [before[i]], new: [after[j]]))
        }
        return (links, before.indices.filter { !usedOld.contains($0) }.map { before[$0] },
                after.indices.filter { !usedNew.contains($0) }.map { after[$0] })
    }

    /// Left-over sentences anywhere in the article whose telling words agree
    /// (`InformativeWeights.similarity` at or above `threshold`, and two telling words in
    /// common): a paragraph moved and
    /// rewritten too much for the paragraph aligner to call it moved.
    ///
    /// - Complexity: O(p · q) bag comparisons for p old and q new sentences left over.
    static func informativeLinks(_ before: [SentenceRef], _ after: [SentenceRef], weights: InformativeWeights,
                                 threshold: Double) -> ([SentenceLink], [SentenceRef], [SentenceRef]) {
        guard !before.isEmpty, !after.isEmpty else { return ([], before, after) }
        let oldBags = before.map { masked($0.text) }
        let newBags = after.map { masked($0.text) }
        var candidates: [(Int, Int, Double)] = []
        for i in before.indices {
            for j in after.indices {
                let score = weights.similarity(oldBags[i], newBags[j])
                if score >= threshold, weights.shareTwoWords(oldBags[i], newBags[j]) { candidates.append((i, j, score)) }
            }
        }
        return oneToOne(before, after, candidates)
    }
}
