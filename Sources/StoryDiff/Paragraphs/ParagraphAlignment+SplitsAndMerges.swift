import WritethruSupport

extension ParagraphAlignment {
    /// Interned paragraphs joined, with a paragraph-break id (-1) between them.
    static func joined(_ paragraphs: ArraySlice<Interned>) -> Interned {
        var result = Interned(ids: [], lengths: [], bag: [:], characters: 0)
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 {
                result.ids.append(-1)
                result.lengths.append(1)
                result.characters += 1
            }
            result.ids += paragraph.ids
            result.lengths += paragraph.lengths
            result.characters += paragraph.characters
            result.bag.merge(paragraph.bag, uniquingKeysWith: +)
        }
        return result
    }

    /// Tokens of consecutive paragraphs joined by paragraph-break tokens.
    static func joined(_ tokens: ArraySlice<[WordToken]>) -> [WordToken] {
        var result: [WordToken] = []
        for (index, paragraph) in tokens.enumerated() {
            if index > 0 {
                result.append(WordToken(body: WordTokenizer.paragraphBreak, space: "", kind: .paragraphBreak))
            }
            result += paragraph
        }
        return result
    }

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
            let free = { (j: Int) in j == self.units[safe: self.oldUnit[i]]?.new.first || self.newUnit[j] == nil }
            guard let current = currentSimilarity(old: i), current < 1,
                  let (window, similarity) = bestWindow(for: oldInterned[i], around: anchors(old: i), count: new.count,
                                                        free: free, others: newInterned),
                  similarity > current else { continue }
            candidates.append(([i], window, similarity))
        }
        for j in new.indices {
            let free = { (i: Int) in i == self.units[safe: self.newUnit[j]]?.old.first || self.oldUnit[i] == nil }
            guard let current = currentSimilarity(new: j), current < 1,
                  let (window, similarity) = bestWindow(for: newInterned[j], around: anchors(new: j), count: old.count,
                                                        free: free, others: oldInterned),
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
        return Self.likeliest(oldKeys[i], among: new.indices.filter { newUnit[$0] == nil }, keys: newKeys,
                              count: settings.splitAnchors)
    }

    func anchors(new j: Int) -> [Int] {
        if let u = newUnit[j], let i = units[u].old.first { return [i] }
        return Self.likeliest(newKeys[j], among: old.indices.filter { oldUnit[$0] == nil }, keys: oldKeys,
                              count: settings.splitAnchors)
    }

    /// The `count` paragraphs sharing the most key words with `words` (`DiffSettings.splitAnchors`).
    static func likeliest(_ words: Set<String>, among candidates: [Int], keys: [Set<String>], count: Int) -> [Int] {
        var shared: [(index: Int, count: Int)] = []
        for candidate in candidates {
            let count = keys[candidate].intersection(words).count
            if count > 0 { shared.append((candidate, count)) }
        }
        shared.sort { $0.count != $1.count ? $0.count > $1.count : $0.index < $1.index }
        return shared.prefix(count).map(\.index).sorted()
    }

    /// The best window of 2 to `maximumSplit` consecutive free paragraphs containing an anchor,
    /// with its similarity to `paragraph`.
    func bestWindow(for paragraph: Interned, around anchors: [Int], count: Int, free: (Int) -> Bool,
                    others: [Interned]) -> ([Int], Double)? {
        var best: ([Int], Double)?
        var tried = Set<[Int]>()
        for anchor in anchors {
            for length in 2...max(2, settings.maximumSplit) {
                for start in max(0, anchor - length + 1)...anchor where start + length <= count {
                    let window = Array(start..<(start + length))
                    guard tried.insert(window).inserted, window.allSatisfy(free) else { continue }
                    let joined = Self.joined(others[start..<(start + length)])
                    let limit = bound(paragraph.bag, paragraph.characters, joined.bag, joined.characters)
                    guard limit >= settings.splitThreshold else { continue }
                    let similarity = WordDiffer.similarity(paragraph.ids, paragraph.lengths, joined.ids, joined.lengths,
                                                           settings: settings)
                    guard similarity >= settings.splitThreshold else { continue }
                    if similarity > best?.1 ?? 0 { best = (window, similarity) }
                }
            }
        }
        return best
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
