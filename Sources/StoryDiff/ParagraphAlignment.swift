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
        state.matchExact()
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
    var words: WordDiff?
    var exact: Bool
}

struct Alignment {
    let old: [String]
    let new: [String]
    let settings: DiffSettings
    let oldTokens: [[WordToken]]
    let newTokens: [[WordToken]]
    var units: [Unit] = []
    var oldUnit: [Int?]
    var newUnit: [Int?]
    var usedGreedy = false

    init(old: [String], new: [String], settings: DiffSettings) {
        self.old = old
        self.new = new
        self.settings = settings
        oldTokens = old.map(WordTokenizer.tokens)
        newTokens = new.map(WordTokenizer.tokens)
        oldUnit = Array(repeating: nil, count: old.count)
        newUnit = Array(repeating: nil, count: new.count)
    }

    mutating func add(_ unit: Unit) {
        let index = units.count
        units.append(unit)
        for i in unit.old { oldUnit[i] = index }
        for j in unit.new { newUnit[j] = index }
    }

    /// Identical paragraphs, the k-th occurrence in the old with the k-th in the new.
    mutating func matchExact() {
        var newByText: [String: [Int]] = [:]
        for (j, text) in new.enumerated() { newByText[text, default: []].append(j) }
        var used: [String: Int] = [:]
        for (i, text) in old.enumerated() {
            guard let candidates = newByText[text] else { continue }
            let k = used[text, default: 0]
            guard k < candidates.count else { continue }
            used[text] = k + 1
            add(Unit(old: [i], new: [candidates[k]], words: nil, exact: true))
        }
    }

    /// Words that identify a paragraph: four letters or more, lower case.
    static func keyWords(_ tokens: [WordToken]) -> Set<String> {
        Set(tokens.filter { $0.kind == .number || ($0.kind == .word && $0.body.count >= 4) }.map { $0.body.lowercased() })
    }

    /// Unmatched old and new paragraphs that share a key word, with their word diffs.
    func candidatePairs() -> [(Int, Int, WordDiff)] {
        let unmatchedNew = new.indices.filter { newUnit[$0] == nil }
        var index: [String: [Int]] = [:]
        for j in unmatchedNew {
            for word in Self.keyWords(newTokens[j]) { index[word, default: []].append(j) }
        }
        var pairs: [(Int, Int, WordDiff)] = []
        for i in old.indices where oldUnit[i] == nil {
            var shared: [Int: Int] = [:]
            for word in Self.keyWords(oldTokens[i]) {
                for j in index[word] ?? [] { shared[j, default: 0] += 1 }
            }
            let best = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(12)
            for (j, _) in best {
                let diff = WordDiffer.symmetricDiff(oldTokens[i], newTokens[j], settings: settings)
                if diff.similarity > settings.changeThreshold { pairs.append((i, j, diff)) }
            }
        }
        return pairs
    }

    /// Pairs similar paragraphs one to one, maximising the total similarity.
    mutating func pairSimilar() {
        let pairs = candidatePairs()
        guard !pairs.isEmpty else { return }
        let rows = Array(Set(pairs.map(\.0))).sorted()
        let columns = Array(Set(pairs.map(\.1))).sorted()
        var chosen: [(Int, Int, WordDiff)] = []
        if max(rows.count, columns.count) > settings.assignmentLimit {
            usedGreedy = true
            var takenOld = Set<Int>()
            var takenNew = Set<Int>()
            for pair in pairs.sorted(by: { $0.2.similarity != $1.2.similarity ? $0.2.similarity > $1.2.similarity : ($0.0, $0.1) < ($1.0, $1.1) })
            where !takenOld.contains(pair.0) && !takenNew.contains(pair.1) {
                takenOld.insert(pair.0)
                takenNew.insert(pair.1)
                chosen.append(pair)
            }
        } else {
            let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
            let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            var weights = Array(repeating: Array(repeating: 0.0, count: columns.count), count: rows.count)
            var diffs: [Int: [Int: WordDiff]] = [:]
            for (i, j, diff) in pairs {
                if let r = rowIndex[i], let c = columnIndex[j] { weights[r][c] = diff.similarity }
                diffs[i, default: [:]][j] = diff
            }
            for (r, c) in Assignment.maximumWeight(weights) where weights[r][c] > 0 {
                if let diff = diffs[rows[r]]?[columns[c]] { chosen.append((rows[r], columns[c], diff)) }
            }
        }
        for (i, j, diff) in chosen.sorted(by: { $0.0 < $1.0 }) {
            add(Unit(old: [i], new: [j], words: diff, exact: false))
        }
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
        return unit.words?.similarity ?? 0
    }

    func currentSimilarity(new j: Int) -> Double? {
        guard let u = newUnit[j] else { return 0 }
        let unit = units[u]
        guard !unit.exact, unit.old.count == 1, unit.new.count == 1 else { return nil }
        return unit.words?.similarity ?? 0
    }

    /// Splits (one old paragraph = several consecutive new ones) and merges (the reverse):
    /// windows around a paragraph's match, or around paragraphs sharing its key words, whose
    /// concatenation is more similar than any single paragraph and at least `splitThreshold`.
    mutating func findSplitsAndMerges() {
        // Every candidate first, splits and merges alike, then the best ones win: searching one
        // kind before the other would make a diff and its reverse disagree.
        var candidates: [(olds: [Int], news: [Int], diff: WordDiff)] = []
        for i in old.indices {
            guard let current = currentSimilarity(old: i), current < 1,
                  let (window, diff) = bestWindow(for: oldTokens[i], around: anchors(old: i), count: new.count,
                                                  free: { j in j == self.units[safe: self.oldUnit[i]]?.new.first || self.newUnit[j] == nil },
                                                  tokens: newTokens, splitting: true),
                  diff.similarity > current else { continue }
            candidates.append(([i], window, diff))
        }
        for j in new.indices {
            guard let current = currentSimilarity(new: j), current < 1,
                  let (window, diff) = bestWindow(for: newTokens[j], around: anchors(new: j), count: old.count,
                                                  free: { i in i == self.units[safe: self.newUnit[j]]?.old.first || self.oldUnit[i] == nil },
                                                  tokens: oldTokens, splitting: false),
                  diff.similarity > current else { continue }
            candidates.append((window, [j], diff))
        }
        let ordered = candidates.sorted { a, b in
            if a.diff.similarity != b.diff.similarity { return a.diff.similarity > b.diff.similarity }
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
            regroup(old: candidate.olds, new: candidate.news, diff: candidate.diff)
        }
    }

    /// Where windows may start for an old paragraph: its match, or new paragraphs sharing key words.
    func anchors(old i: Int) -> [Int] {
        if let u = oldUnit[i], let j = units[u].new.first { return [j] }
        let words = Self.keyWords(oldTokens[i])
        return new.indices.filter { newUnit[$0] == nil && !Self.keyWords(newTokens[$0]).isDisjoint(with: words) }
    }

    func anchors(new j: Int) -> [Int] {
        if let u = newUnit[j], let i = units[u].old.first { return [i] }
        let words = Self.keyWords(newTokens[j])
        return old.indices.filter { oldUnit[$0] == nil && !Self.keyWords(oldTokens[$0]).isDisjoint(with: words) }
    }

    /// The best window of 2 to `maximumSplit` consecutive free paragraphs containing an anchor.
    func bestWindow(for tokens: [WordToken], around anchors: [Int], count: Int, free: (Int) -> Bool,
                    tokens others: [[WordToken]], splitting: Bool) -> ([Int], WordDiff)? {
        var best: ([Int], WordDiff)?
        for anchor in anchors {
            for length in 2...max(2, settings.maximumSplit) {
                for start in max(0, anchor - length + 1)...anchor where start + length <= count {
                    let window = Array(start..<(start + length))
                    guard window.allSatisfy(free) else { continue }
                    let joined = Self.joined(others[start..<(start + length)])
                    let diff = splitting ? WordDiffer.symmetricDiff(tokens, joined, settings: settings)
                        : WordDiffer.symmetricDiff(joined, tokens, settings: settings)
                    guard diff.similarity >= settings.splitThreshold else { continue }
                    if diff.similarity > best?.1.similarity ?? 0 { best = (window, diff) }
                }
            }
        }
        return best
    }

    /// Replaces the units of the given paragraphs with one split or merge unit.
    mutating func regroup(old olds: [Int], new news: [Int], diff: WordDiff) {
        let stale = Set(olds.compactMap { oldUnit[$0] } + news.compactMap { newUnit[$0] })
        for u in stale {
            for i in units[u].old { oldUnit[i] = nil }
            for j in units[u].new { newUnit[j] = nil }
            units[u] = Unit(old: [], new: [], words: nil, exact: false)
        }
        add(Unit(old: olds, new: news, words: diff, exact: false))
    }

    /// Marks the fewest units as moved: those outside a longest increasing subsequence of new
    /// positions, taken in old order. A pair too different to be a move becomes a removal and
    /// an addition.
    func movedUnits() -> Set<Int> {
        let live = units.indices.filter { !units[$0].old.isEmpty && !units[$0].new.isEmpty }
            .sorted { units[$0].old[0] < units[$1].old[0] }
        let weights = live.map { units[$0].exact ? 1 : (units[$0].words?.similarity ?? 0) }
        let inOrder = Set(LongestIncreasing.heaviestSubsequence(live.map { units[$0].new[0] }, weights: weights).map { live[$0] })
        return Set(live.filter { !inOrder.contains($0) })
    }

    func operations() -> ParagraphDiff {
        let moved = movedUnits()
        var demoted = Set<Int>()
        for u in moved where units[u].old.count == 1 && units[u].new.count == 1 && !units[u].exact {
            if (units[u].words?.similarity ?? 0) <= settings.moveThreshold { demoted.insert(u) }
        }
        func isMatched(_ u: Int?) -> Bool { u.map { !demoted.contains($0) } ?? false }

        var ops: [ParagraphOp] = []
        var opOfUnit: [Int: Int] = [:]
        for j in new.indices {
            if let u = newUnit[j], isMatched(u) {
                guard units[u].new.first == j else { continue }
                opOfUnit[u] = ops.count
                ops.append(op(for: units[u], moved: moved.contains(u)))
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
        let gaveUp = units.contains { $0.words?.gaveUp == true }
        return ParagraphDiff(ops: result, usedGreedyPairing: usedGreedy, wordDiffGaveUp: gaveUp)
    }

    func op(for unit: Unit, moved: Bool) -> ParagraphOp {
        let oldNumbers = unit.old.map { $0 + 1 }
        let newNumbers = unit.new.map { $0 + 1 }
        if unit.exact {
            let text = new[unit.new[0]]
            return ParagraphOp(kind: moved ? .moved : .unchanged, old: oldNumbers, new: newNumbers, similarity: 1,
                               words: [WordOp(.equal, text, oldText: old[unit.old[0]])])
        }
        let diff = unit.words ?? WordDiffer.diff(oldTokens[unit.old[0]], newTokens[unit.new[0]], settings: settings)
        let kind: ParagraphOp.Kind = unit.new.count > 1 ? .split : unit.old.count > 1 ? .merged : moved ? .movedChanged : .changed
        return ParagraphOp(kind: kind, old: oldNumbers, new: newNumbers, similarity: diff.similarity, words: diff.ops)
    }
}

extension Array {
    subscript(safe index: Int?) -> Element? {
        guard let index, indices.contains(index) else { return nil }
        return self[index]
    }
}
