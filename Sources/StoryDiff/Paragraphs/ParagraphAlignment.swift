/// The state of one paragraph alignment: the two versions cut into interned tokens, the
/// matched units found so far, and which unit holds each paragraph (ParagraphAligner.diff
/// runs its passes over it: ParagraphAlignment+Pairing, +SplitsAndMerges, +Operations).
struct ParagraphAlignment {
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
        (oldInterned, newInterned, longest) = Self.interned(oldTokens, newTokens)
        oldKeys = oldTokens.map { Self.keyWords($0, length: settings.keyWordLength) }
        newKeys = newTokens.map { Self.keyWords($0, length: settings.keyWordLength) }
        for unit in exact { add(unit) }
    }

    /// The paragraphs' tokens as interned ids, once for the whole alignment (the pairing, the
    /// splits and merges and the word diffs all use them), with the longest text of each id.
    /// Ids are numbered in order of first appearance: they are only ever compared for
    /// equality (the similarities, the bounds, the word diffs), never ordered.
    ///
    /// - Complexity: O(t) for the t tokens, each body hashed once.
    static func interned(_ old: [[WordToken]], _ new: [[WordToken]]) -> ([Interned], [Interned], [Int]) {
        var idOf: [String: Int] = [:]
        var longest: [Int] = []
        var result: [[Interned]] = [[], []]
        for (side, paragraphs) in [old, new].enumerated() {
            result[side].reserveCapacity(paragraphs.count)
            for tokens in paragraphs {
                var paragraph = Interned(ids: [], lengths: [], bag: [:], characters: 0)
                paragraph.ids.reserveCapacity(tokens.count)
                paragraph.lengths.reserveCapacity(tokens.count)
                for token in tokens {
                    let length = token.body.unicodeScalars.count + token.space.unicodeScalars.count
                    let id: Int
                    if let known = idOf[token.body] {
                        id = known
                        longest[id] = max(longest[id], length)
                    } else {
                        id = longest.count
                        idOf[token.body] = id
                        longest.append(length)
                    }
                    paragraph.ids.append(id)
                    paragraph.lengths.append(length)
                    paragraph.bag[id, default: 0] += 1
                    paragraph.characters += length
                }
                result[side].append(paragraph)
            }
        }
        // One more entry, as before, for an id no token has.
        longest.append(0)
        return (result[0], result[1], longest)
    }

    mutating func add(_ unit: Unit) {
        let index = units.count
        units.append(unit)
        for i in unit.old { oldUnit[i] = index }
        for j in unit.new { newUnit[j] = index }
    }

    /// Words that identify a paragraph, lower case: numbers, and words of at least `length`
    /// characters (`DiffSettings.keyWordLength`).
    static func keyWords(_ tokens: [WordToken], length: Int) -> Set<String> {
        // A body has no more characters than bytes, and a word token's ASCII body (letters, digits,
        // joiners: no "\r\n") has as many: only a long non-ASCII one needs a character count.
        Set(tokens.filter { $0.kind == .number
            || ($0.kind == .word && $0.body.utf8.count >= length
                && ($0.body.utf8.allSatisfy { $0 < 0x80 } || $0.body.count >= length)) }
            .map { $0.body.lowercased() })
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
}
