import WritethruSupport

extension ParagraphAlignment {
    /// The similarity a paragraph already has with its match (0 when unmatched); exact
    /// matches are never broken up.
    func currentSimilarity(old i: Int) -> Double? {
        guard let u = oldUnit[i] else { return 0 }
        let unit = units[u]
        guard !unit.exact, unit.old.count == 1, unit.new.count == 1 else { return nil }
        return unit.similarity
    }

    func currentSimilarity(new j: Int) -> Double? {
        guard let u = newUnit[j] else { return 0 }
        let unit = units[u]
        guard !unit.exact, unit.old.count == 1, unit.new.count == 1 else { return nil }
        return unit.similarity
    }

    /// Splits (one old paragraph = several consecutive new ones) and merges (the reverse):
    /// windows around a paragraph's match, or around paragraphs sharing its key words, whose
    /// concatenation is more similar than any single paragraph and at least `splitThreshold`.
    mutating func findSplitsAndMerges() {
        // Every candidate first, splits and merges alike, then the best ones win: searching one
        // kind before the other would make a diff and its reverse disagree.
        var candidates: [(olds: [Int], news: [Int], similarity: Double)] = []
        for i in old.indices {
            // Free: unmatched, or the paragraph's own match.
            guard let current = currentSimilarity(old: i), current < 1,
                  let (window, similarity) = bestWindow(for: oldInterned[i], around: anchors(old: i),
                                                        own: units[safe: oldUnit[i]]?.new.first, unitOf: newUnit,
                                                        others: newInterned),
                  similarity > current else { continue }
            candidates.append(([i], window, similarity))
        }
        for j in new.indices {
            guard let current = currentSimilarity(new: j), current < 1,
                  let (window, similarity) = bestWindow(for: newInterned[j], around: anchors(new: j),
                                                        own: units[safe: newUnit[j]]?.old.first, unitOf: oldUnit,
                                                        others: oldInterned),
                  similarity > current else { continue }
            candidates.append((window, [j], similarity))
        }
        let ordered = candidates.sorted { a, b in
            if a.similarity != b.similarity { return a.similarity > b.similarity }
            let sizeA = a.olds.count + a.news.count
            let sizeB = b.olds.count + b.news.count
            if sizeA != sizeB { return sizeA < sizeB }
            return (a.olds[0] + a.news[0], a.olds[0]) < (b.olds[0] + b.news[0], b.olds[0])
        }
        var claimedOld = Set<Int>()
        var claimedNew = Set<Int>()
        for candidate in ordered
        where claimedOld.isDisjoint(with: candidate.olds) && claimedNew.isDisjoint(with: candidate.news) {
            // Each paragraph may already belong to a plain pair (which the group replaces) but
            // not to a group made here.
            claimedOld.formUnion(candidate.olds)
            claimedNew.formUnion(candidate.news)
            regroup(old: candidate.olds, new: candidate.news, similarity: candidate.similarity)
        }
    }

    /// Where windows may start for an old paragraph: its match, or new paragraphs sharing key words.
    func anchors(old i: Int) -> [Int] {
        if let u = oldUnit[i], let j = units[u].new.first { return [j] }
        return Self.likeliest(oldInterned[i].keys, among: new.indices.filter { newUnit[$0] == nil },
                              paragraphs: newInterned, count: settings.splitAnchors)
    }

    func anchors(new j: Int) -> [Int] {
        if let u = newUnit[j], let i = units[u].old.first { return [i] }
        return Self.likeliest(newInterned[j].keys, among: old.indices.filter { oldUnit[$0] == nil },
                              paragraphs: oldInterned, count: settings.splitAnchors)
    }

    /// The `count` paragraphs sharing the most key words with `keys` (sorted key ids;
    /// `DiffSettings.splitAnchors`).
    static func likeliest(_ keys: [Int], among candidates: [Int], paragraphs: [Interned], count: Int) -> [Int] {
        var shared: [(index: Int, count: Int)] = []
        for candidate in candidates {
            let count = Self.sharedCount(keys, paragraphs[candidate].keys)
            if count > 0 { shared.append((candidate, count)) }
        }
        shared.sort { $0.count != $1.count ? $0.count > $1.count : $0.index < $1.index }
        return shared.prefix(count).map(\.index).sorted()
    }

    /// How many ids two sorted lists of distinct ids share.
    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var shared = 0
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The best window of 2 to `maximumSplit` consecutive free paragraphs containing an anchor,
    /// with its similarity to `paragraph`. Free: unmatched (`unitOf` nil) or `own`, the
    /// paragraph's own match.
    func bestWindow(for paragraph: Interned, around anchors: [Int], own: Int?, unitOf: [Int?],
                    others: [Interned]) -> ([Int], Double)? {
        var best: (Range<Int>, Double)?
        var tried: [(start: Int, length: Int)] = []
        let count = others.count
        for anchor in anchors {
            for length in 2...max(2, settings.maximumSplit) {
                for start in max(0, anchor - length + 1)...anchor where start + length <= count {
                    let window = start..<(start + length)
                    guard !tried.contains(where: { $0 == (start, length) }) else { continue }
                    tried.append((start, length))
                    guard window.allSatisfy({ $0 == own || unitOf[$0] == nil }) else { continue }
                    let limit = bound(paragraph, others[window])
                    guard limit >= settings.splitThreshold else { continue }
                    let joined = DiffSequence.joined(others[window].map(\.sequence))
                    let similarity = similarity(paragraph.sequence, joined)
                    guard similarity >= settings.splitThreshold else { continue }
                    if similarity > best?.1 ?? 0 { best = (window, similarity) }
                }
            }
        }
        return best.map { (Array($0.0), $0.1) }
    }

    /// Replaces the units of the given paragraphs with one split or merge unit.
    mutating func regroup(old olds: [Int], new news: [Int], similarity: Double) {
        let stale = Set(olds.compactMap { oldUnit[$0] } + news.compactMap { newUnit[$0] })
        for u in stale {
            for i in units[u].old { oldUnit[i] = nil }
            for j in units[u].new { newUnit[j] = nil }
            units[u] = Unit(old: [], new: [], similarity: 0, exact: false)
        }
        add(Unit(old: olds, new: news, similarity: similarity, exact: false))
    }
}
