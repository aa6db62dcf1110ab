import WritethruSupport

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
        ops.filter { $0.kind != .removed }.flatMap { op in
            op.words.filter { $0.kind != .delete }.map(\.text).joined()
                .split(separator: "\u{2029}", omittingEmptySubsequences: false).map(String.init)
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

/// Aligns the paragraphs of two revisions: exact matches first; then similar paragraphs paired
/// by a global one-to-one assignment (the Hungarian method, maximising total similarity);
/// splits and merges by concatenating neighbours; then the fewest moves (matched paragraphs
/// outside a longest increasing subsequence of new positions). docs/diff/paragraphs.md.
///
/// - Complexity: O(n + m) for exact matches; candidate pairs are limited to paragraphs that
///   share a rare word; the assignment is O(k^3) in the k unmatched paragraphs (greedy above
///   `DiffSettings.assignmentLimit`).
public enum ParagraphAligner {
    public static func diff(old: [String], new: [String], settings: DiffSettings = DiffSettings()) -> ParagraphDiff {
        var state = Alignment(old: old, new: new, settings: settings)
        state.pairSimilar()
        state.findSplitsAndMerges()
        return state.operations()
    }
}

/// A matched group: one old paragraph to one new (pair), one to several (split), several to
/// one (merge).
struct Unit {
    var old: [Int]
    var new: [Int]
    /// The symmetric similarity that made the match (1 for exact matches).
    var similarity: Double
    var exact: Bool
}

/// A paragraph as the aligner compares it: interned token ids, their lengths, and a bag of
/// ids for a quick upper bound on the similarity.
struct Interned {
    var ids: [Int]
    var lengths: [Int]
    var bag: [Int: Int]
    var characters: Int
}

struct Alignment {
    let old: [String]
    let new: [String]
    let settings: DiffSettings
    let oldTokens: [[WordToken]]
    let newTokens: [[WordToken]]
    let oldInterned: [Interned]
    let newInterned: [Interned]
    /// The longest text of each token id, for similarity bounds.
    let longest: [Int]
    let oldKeys: [Set<String>]
    let newKeys: [Set<String>]
    var units: [Unit] = []
    var oldUnit: [Int?]
    var newUnit: [Int?]
    var usedGreedy = false

    init(old: [String], new: [String], settings: DiffSettings) {
        self.old = old
        self.new = new
        self.settings = settings
        oldUnit = Array(repeating: nil, count: old.count)
        newUnit = Array(repeating: nil, count: new.count)
        // Identical paragraphs first, the k-th occurrence in the old with the k-th in the new;
        // only the paragraphs left over are cut into words.
        var newByText: [String: [Int]] = [:]
        for (j, text) in new.enumerated() { newByText[text, default: []].append(j) }
        var used: [String: Int] = [:]
        var exact: [Unit] = []
        for (i, text) in old.enumerated() {
            guard let candidates = newByText[text] else { continue }
            let k = used[text, default: 0]
            guard k < candidates.count else { continue }
            used[text] = k + 1
            exact.append(Unit(old: [i], new: [candidates[k]], similarity: 1, exact: true))
        }
        let exactOld = Set(exact.map { $0.old[0] })
        let exactNew = Set(exact.map { $0.new[0] })
        oldTokens = old.indices.map { exactOld.contains($0) ? [] : WordTokenizer.tokens(old[$0]) }
        newTokens = new.indices.map { exactNew.contains($0) ? [] : WordTokenizer.tokens(new[$0]) }
        // Ids follow the sorted order of the bodies, so comparing id arrays compares texts.
        let bodies = Set((oldTokens + newTokens).flatMap { $0.map(\.body) }).sorted()
        let idOf = Dictionary(uniqueKeysWithValues: bodies.enumerated().map { ($1, $0) })
        var longest = Array(repeating: 0, count: bodies.count + 1)
        func intern(_ tokens: [WordToken]) -> Interned {
            var paragraph = Interned(ids: [], lengths: [], bag: [:], characters: 0)
            for token in tokens {
                let id = idOf[token.body] ?? bodies.count
                let length = token.text.unicodeScalars.count
                paragraph.ids.append(id)
                paragraph.lengths.append(length)
                paragraph.bag[id, default: 0] += 1
                paragraph.characters += length
                longest[id] = max(longest[id], length)
            }
            return paragraph
        }
        oldInterned = oldTokens.map(intern)
        newInterned = newTokens.map(intern)
        self.longest = longest
        oldKeys = oldTokens.map(Self.keyWords)
        newKeys = newTokens.map(Self.keyWords)
        for unit in exact { add(unit) }
    }

    mutating func add(_ unit: Unit) {
        let index = units.count
        units.append(unit)
        for i in unit.old { oldUnit[i] = index }
        for j in unit.new { newUnit[j] = index }
    }

    /// Words that identify a paragraph: four letters or more, lower case.
    static func keyWords(_ tokens: [WordToken]) -> Set<String> {
        Set(tokens.filter { $0.kind == .number || ($0.kind == .word && $0.body.count >= 4) }.map { $0.body.lowercased() })
    }

    /// An upper bound on the similarity of two bags of tokens: every shared token kept at its
    /// longest. Cheap; it spares the word diff of pairs that cannot reach a threshold.
    func bound(_ a: [Int: Int], _ aCharacters: Int, _ b: [Int: Int], _ bCharacters: Int) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var kept = 0
        for (id, count) in small { kept += 2 * min(count, large[id] ?? 0) * longest[id] }
        let total = aCharacters + bCharacters
        return total == 0 ? 1 : Double(kept) / Double(total)
    }

    /// Unmatched old and new paragraphs that share a key word and could be similar enough,
    /// with their similarity: each paragraph, old or new, nominates the few likeliest partners
    /// by the bound, so that a diff and its reverse consider the same pairs.
    func candidatePairs() -> [(Int, Int, Double)] {
        let unmatchedNew = new.indices.filter { newUnit[$0] == nil }
        var index: [String: [Int]] = [:]
        for j in unmatchedNew {
            for word in newKeys[j] { index[word, default: []].append(j) }
        }
        var byOld: [Int: [(partner: Int, bound: Double)]] = [:]
        var byNew: [Int: [(partner: Int, bound: Double)]] = [:]
        for i in old.indices where oldUnit[i] == nil {
            var sharing = Set<Int>()
            for word in oldKeys[i] { sharing.formUnion(index[word] ?? []) }
            let paragraph = oldInterned[i]
            for j in sharing {
                let limit = bound(paragraph.bag, paragraph.characters, newInterned[j].bag, newInterned[j].characters)
                guard limit > settings.changeThreshold else { continue }
                byOld[i, default: []].append((j, limit))
                byNew[j, default: []].append((i, limit))
            }
        }
        func nominees(_ list: [(partner: Int, bound: Double)]) -> [Int] {
            list.sorted { $0.bound != $1.bound ? $0.bound > $1.bound : $0.partner < $1.partner }.prefix(8).map(\.partner)
        }
        var nominated = Set<[Int]>()
        for (i, list) in byOld { for j in nominees(list) { nominated.insert([i, j]) } }
        for (j, list) in byNew { for i in nominees(list) { nominated.insert([i, j]) } }
        var pairs: [(Int, Int, Double)] = []
        for pair in nominated.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let a = oldInterned[pair[0]]
            let b = newInterned[pair[1]]
            let similarity = WordDiffer.similarity(a.ids, a.lengths, b.ids, b.lengths, settings: settings)
            if similarity > settings.changeThreshold { pairs.append((pair[0], pair[1], similarity)) }
        }
        return pairs
    }

    /// Pairs similar paragraphs one to one, maximising the total similarity.
    mutating func pairSimilar() {
        let pairs = candidatePairs()
        guard !pairs.isEmpty else { return }
        let rows = Array(Set(pairs.map(\.0))).sorted()
        let columns = Array(Set(pairs.map(\.1))).sorted()
        var chosen: [(Int, Int, Double)] = []
        if max(rows.count, columns.count) > settings.assignmentLimit {
            usedGreedy = true
            var takenOld = Set<Int>()
            var takenNew = Set<Int>()
            for pair in pairs.sorted(by: { $0.2 != $1.2 ? $0.2 > $1.2 : abs($0.0 - $0.1) != abs($1.0 - $1.1) ? abs($0.0 - $0.1) < abs($1.0 - $1.1) : ($0.0, $0.1) < ($1.0, $1.1) })
            where !takenOld.contains(pair.0) && !takenNew.contains(pair.1) {
                takenOld.insert(pair.0)
                takenNew.insert(pair.1)
                chosen.append(pair)
            }
        } else {
            let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            var weights = Array(repeating: Array(repeating: 0.0, count: columns.count), count: rows.count)
            for (i, j, similarity) in pairs {
                // Ties (repeated paragraphs) go to the pair closest in position, which reads
                // the same whichever version is old: a diff and its reverse agree.
                if let r = rowIndex[i], let c = columnIndex[j] { weights[r][c] = similarity - 1e-9 * Double(abs(i - j)) }
            }
            let similarities = Dictionary(pairs.map { ("\($0.0) \($0.1)", $0.2) }, uniquingKeysWith: max)
            for (r, c) in Assignment.maximumWeight(weights) where weights[r][c] > 0 {
                chosen.append((rows[r], columns[c], similarities["\(rows[r]) \(columns[c])"] ?? weights[r][c]))
            }
        }
        for (i, j, similarity) in chosen.sorted(by: { $0.0 < $1.0 }) {
            add(Unit(old: [i], new: [j], similarity: similarity, exact: false))
        }
    }

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
            if index > 0 { result.append(WordToken(body: WordTokenizer.paragraphBreak, space: "", kind: .paragraphBreak)) }
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
            guard let current = currentSimilarity(old: i), current < 1,
                  let (window, similarity) = bestWindow(for: oldInterned[i], around: anchors(old: i), count: new.count,
                                                        free: { j in j == self.units[safe: self.oldUnit[i]]?.new.first || self.newUnit[j] == nil },
                                                        others: newInterned),
                  similarity > current else { continue }
            candidates.append(([i], window, similarity))
        }
        for j in new.indices {
            guard let current = currentSimilarity(new: j), current < 1,
                  let (window, similarity) = bestWindow(for: newInterned[j], around: anchors(new: j), count: old.count,
                                                        free: { i in i == self.units[safe: self.newUnit[j]]?.old.first || self.oldUnit[i] == nil },
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
        for candidate in ordered where claimedOld.isDisjoint(with: candidate.olds) && claimedNew.isDisjoint(with: candidate.news) {
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
        return Self.likeliest(oldKeys[i], among: new.indices.filter { newUnit[$0] == nil }, keys: newKeys)
    }

    func anchors(new j: Int) -> [Int] {
        if let u = newUnit[j], let i = units[u].old.first { return [i] }
        return Self.likeliest(newKeys[j], among: old.indices.filter { oldUnit[$0] == nil }, keys: oldKeys)
    }

    /// The few paragraphs sharing the most key words with `words`.
    static func likeliest(_ words: Set<String>, among candidates: [Int], keys: [Set<String>]) -> [Int] {
        var shared: [(index: Int, count: Int)] = []
        for candidate in candidates {
            let count = keys[candidate].intersection(words).count
            if count > 0 { shared.append((candidate, count)) }
        }
        shared.sort { $0.count != $1.count ? $0.count > $1.count : $0.index < $1.index }
        return shared.prefix(6).map(\.index).sorted()
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
                    guard bound(paragraph.bag, paragraph.characters, joined.bag, joined.characters) >= settings.splitThreshold else { continue }
                    let similarity = WordDiffer.similarity(paragraph.ids, paragraph.lengths, joined.ids, joined.lengths, settings: settings)
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

    /// Marks the fewest units as moved: those outside a longest increasing subsequence of new
    /// positions, taken in old order. A pair too different to be a move becomes a removal and
    /// an addition.
    func movedUnits() -> Set<Int> {
        let live = units.indices.filter { !units[$0].old.isEmpty && !units[$0].new.isEmpty }
            .sorted { units[$0].old[0] < units[$1].old[0] }
        let weights = live.map { units[$0].similarity }
        let inOrder = Set(LongestIncreasing.heaviestSubsequence(live.map { units[$0].new[0] }, weights: weights).map { live[$0] })
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
                ops.append(ParagraphOp(kind: .added, old: [], new: [j + 1], similarity: 0, words: [WordOp(.insert, new[j])]))
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
        let diff = WordDiffer.diff(Self.joined(unit.old.map { oldTokens[$0] }[...]), Self.joined(unit.new.map { newTokens[$0] }[...]),
                                   settings: settings)
        let kind: ParagraphOp.Kind = unit.new.count > 1 ? .split : unit.old.count > 1 ? .merged : moved ? .movedChanged : .changed
        return (ParagraphOp(kind: kind, old: oldNumbers, new: newNumbers, similarity: unit.similarity, words: diff.ops), diff.gaveUp)
    }
}

