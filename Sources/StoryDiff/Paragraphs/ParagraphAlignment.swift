/// The state of one paragraph alignment: the two versions cut into interned tokens, the
/// matched units found so far, and which unit holds each paragraph (ParagraphAligner.diff
/// runs its passes over it: ParagraphAlignment+Pairing, +SplitsAndMerges, +Operations).
struct ParagraphAlignment {
    let old: [String]
    let new: [String]
    let settings: DiffSettings
    let oldInterned: [Interned]
    let newInterned: [Interned]
    /// The longest text of each token id, for similarity bounds.
    let longest: [Int]
    /// How many key word ids there are.
    let keyCount: Int
    let scratch: Scratch
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
        let exact = ParagraphFingerprint.exactMatches(old, new)
        var exactOld = [Bool](repeating: false, count: old.count)
        var exactNew = [Bool](repeating: false, count: new.count)
        for (i, j) in exact {
            exactOld[i] = true
            exactNew[j] = true
        }
        var bytes = 0
        for i in old.indices where !exactOld[i] { bytes += old[i].utf8.count }
        for j in new.indices where !exactNew[j] { bytes += new[j].utf8.count }
        var builder = SequenceBuilder(capacity: bytes / 12 + 16, keyWordLength: settings.keyWordLength)
        var keys: [[[Int]]] = [[], []]
        var sequences: [[DiffSequence?]] = [[], []]
        for (side, paragraphs, isExact) in [(0, old, exactOld), (1, new, exactNew)] {
            keys[side].reserveCapacity(paragraphs.count)
            sequences[side].reserveCapacity(paragraphs.count)
            for (index, text) in paragraphs.enumerated() {
                guard !isExact[index] else {
                    keys[side].append([])
                    sequences[side].append(nil)
                    continue
                }
                let (sequence, paragraphKeys) = builder.sequence(text)
                keys[side].append(paragraphKeys)
                sequences[side].append(sequence)
            }
        }
        let scratch = Scratch(ids: builder.idCount, paragraphs: max(old.count, new.count))
        func interned(_ side: Int) -> [Interned] {
            zip(sequences[side], keys[side]).map { sequence, keys in
                guard let sequence else { return .untokenized }
                let (bagIds, bagCounts) = Self.bag(sequence.ids, counts: &scratch.counts)
                return Interned(sequence: sequence, bagIds: bagIds, bagCounts: bagCounts, keys: keys)
            }
        }
        oldInterned = interned(0)
        newInterned = interned(1)
        longest = builder.longest
        keyCount = builder.keyCount
        self.scratch = scratch
        for (i, j) in exact { add(Unit(old: [i], new: [j], similarity: 1, exact: true)) }
    }

    /// The distinct ids of `ids` in order of first appearance, with how often each occurs;
    /// `counts` (one per id, all 0) is left all 0.
    ///
    /// - Complexity: O(t) for t ids.
    static func bag(_ ids: [Int], counts: inout [Int]) -> ([Int], [Int]) {
        var distinct: [Int] = []
        distinct.reserveCapacity(ids.count)
        for id in ids {
            if counts[id] == 0 { distinct.append(id) }
            counts[id] += 1
        }
        let tally = distinct.map { counts[$0] }
        for id in distinct { counts[id] = 0 }
        return (distinct, tally)
    }

    mutating func add(_ unit: Unit) {
        let index = units.count
        units.append(unit)
        for i in unit.old { oldUnit[i] = index }
        for j in unit.new { newUnit[j] = index }
    }

    /// An upper bound on the similarity of `paragraph` and the paragraphs `others` joined (a
    /// paragraph break between each two): every shared token kept at its longest. Cheap; it
    /// spares the weighted LCS of pairs that cannot reach a threshold.
    ///
    /// - Complexity: O(b) for the bags' b entries.
    func bound(_ paragraph: Interned, _ others: ArraySlice<Interned>) -> Double {
        var otherCharacters = max(0, others.count - 1)
        let kept = scratch.counts.withUnsafeMutableBufferPointer { counts in
            for other in others {
                otherCharacters += other.characters
                for (id, count) in zip(other.bagIds, other.bagCounts) { counts[id] += count }
            }
            var kept = 0
            for (id, count) in zip(paragraph.bagIds, paragraph.bagCounts) {
                kept += 2 * min(count, counts[id]) * longest[id]
            }
            for other in others {
                for id in other.bagIds { counts[id] = 0 }
            }
            return kept
        }
        let total = paragraph.characters + otherCharacters
        return total == 0 ? 1 : Double(kept) / Double(total)
    }

    /// The similarity of two interned paragraphs (or joined paragraphs): their weighted LCS.
    func similarity(_ a: DiffSequence, _ b: DiffSequence) -> Double {
        WordDiffer.similarity(a.ids, a.lengths, b.ids, b.lengths, settings: settings, scratch: &scratch.similarity)
    }
}
