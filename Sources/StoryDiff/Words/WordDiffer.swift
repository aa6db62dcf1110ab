/// A run of tokens that a word diff keeps, inserts or deletes.
public struct WordOp: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case equal, insert, delete }

    public let kind: Kind
    /// The text as the new version has it (equal, insert) or as the old one had it (delete).
    public let text: String
    /// For `equal`, the text as the old version had it (the words are the same; the spacing
    /// may differ).
    public let oldText: String

    public init(_ kind: Kind, _ text: String, oldText: String? = nil) {
        self.kind = kind
        self.text = text
        self.oldText = oldText ?? text
    }
}

/// The word-level difference of two texts.
public struct WordDiff: Sendable, Equatable {
    public let ops: [WordOp]
    /// Characters kept over all characters: 2 x kept / (old + new), from 0 to 1.
    public let similarity: Double
    /// True when the texts were too long to compare word by word within the limit, and the
    /// diff says only "all of the old replaced by all of the new".
    public let gaveUp: Bool

    /// The new text, rebuilt from the operations.
    public var newText: String { ops.filter { $0.kind != .delete }.map(\.text).joined() }
    /// The old text, rebuilt from the operations.
    public var oldText: String { ops.filter { $0.kind != .insert }.map(\.oldText).joined() }
}

/// Word diff: tokens compared by body, stdlib's Myers difference underneath, then a cleanup
/// that folds a tiny kept word between two edits into the edits, for readability, but never a
/// number, a capitalised word or a quote mark.
///
/// - Complexity: O((n + m) · d) for n and m tokens and d differing tokens; above
///   `DiffSettings.wordDiffLimit` (n · m) it gives up and reports a full replacement.
public enum WordDiffer {
    public static func diff(_ old: String, _ new: String, settings: DiffSettings = DiffSettings()) -> WordDiff {
        diff(WordTokenizer.tokens(old), WordTokenizer.tokens(new), settings: settings)
    }

    public static func diff(_ old: [WordToken], _ new: [WordToken], settings: DiffSettings = DiffSettings()) -> WordDiff {
        let oldLength = length(old)
        let newLength = length(new)
        guard old.count * new.count <= settings.wordDiffLimit else {
            var ops: [WordOp] = []
            if !old.isEmpty { ops.append(WordOp(.delete, old.map(\.text).joined())) }
            if !new.isEmpty { ops.append(WordOp(.insert, new.map(\.text).joined())) }
            return WordDiff(ops: ops, similarity: 0, gaveUp: true)
        }
        let changes = new.map(\.body).difference(from: old.map(\.body))
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in changes {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var tokens: [(WordOp.Kind, WordToken, WordToken?)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                tokens.append((.delete, old[i], nil))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                tokens.append((.insert, new[j], nil))
                j += 1
            } else if i < old.count, j < new.count {
                tokens.append((.equal, new[j], old[i]))
                i += 1
                j += 1
            } else {
                break
            }
        }
        let kept = tokens.filter { $0.0 == .equal }.reduce(0) { $0 + $1.1.text.unicodeScalars.count + ($1.2?.text.unicodeScalars.count ?? 0) }
        let similarity = oldLength + newLength == 0 ? 1 : Double(kept) / Double(oldLength + newLength)
        return WordDiff(ops: runs(cleanedUp(tokens)), similarity: min(1, similarity), gaveUp: false)
    }

    /// The diff from `old` to `new`, with a similarity that does not depend on the direction:
    /// Myers may keep different (equally short) runs either way, so the similarity is taken
    /// from the diff in a fixed orientation (the lexicographically smaller side first).
    static func symmetricDiff(_ old: [WordToken], _ new: [WordToken], settings: DiffSettings) -> WordDiff {
        let forward = diff(old, new, settings: settings)
        let oldFirst = old.map(\.body).lexicographicallyPrecedes(new.map(\.body)) || old.map(\.body) == new.map(\.body)
        guard !oldFirst else { return forward }
        let canonical = diff(new, old, settings: settings)
        return WordDiff(ops: forward.ops, similarity: canonical.similarity, gaveUp: forward.gaveUp || canonical.gaveUp)
    }

    /// The similarity of two token sequences given as interned ids, with each token's length
    /// in characters: the most characters the two can keep in common, in order (a longest
    /// common subsequence weighted by token length), over all characters. Symmetric.
    ///
    /// - Complexity: O(n · m) for the n and m tokens left once the common prefix and suffix
    ///   are set aside, in O(m) space; 0 above `DiffSettings.wordDiffLimit`.
    static func similarity(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int], settings: DiffSettings) -> Double {
        let total = aLengths.reduce(0, +) + bLengths.reduce(0, +)
        guard total > 0 else { return 1 }
        guard a.count * b.count <= settings.wordDiffLimit else { return 0 }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var kept = 0
        for index in 0..<prefix { kept += aLengths[index] + bLengths[index] }
        for offset in 0..<suffix { kept += aLengths[a.count - 1 - offset] + bLengths[b.count - 1 - offset] }
        kept += keptCharacters(a, aLengths, b, bLengths, from: prefix, aEnd: a.count - suffix, bEnd: b.count - suffix)
        return min(1, Double(kept) / Double(total))
    }

    /// The heaviest common subsequence of `a[from..<aEnd]` and `b[from..<bEnd]`, each matched
    /// pair weighing the characters of both tokens. Two rows of the dynamic programme.
    static func keptCharacters(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int], from start: Int, aEnd: Int, bEnd: Int) -> Int {
        guard start < aEnd, start < bEnd else { return 0 }
        let columns = bEnd - start
        var previous = [Int](repeating: 0, count: columns + 1)
        var current = [Int](repeating: 0, count: columns + 1)
        for i in start..<aEnd {
            let token = a[i]
            let weight = aLengths[i]
            for j in 1...columns {
                let column = start + j - 1
                current[j] = token == b[column] ? previous[j - 1] + weight + bLengths[column] : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[columns]
    }

    static func length(_ tokens: [WordToken]) -> Int {
        tokens.reduce(0) { $0 + $1.text.unicodeScalars.count }
    }

    /// Words too slight to stand alone between two edits.
    static let slightWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "as", "is", "was", "it", "its",
        "that", "with", "from", "be", "has", "had", "have", "but", "not",
    ]

    /// Folds a single slight kept token lying between two edits into the edits around it.
    private static func cleanedUp(_ tokens: [(WordOp.Kind, WordToken, WordToken?)]) -> [(WordOp.Kind, WordToken, WordToken?)] {
        var result = tokens
        var index = 1
        while index + 1 < result.count {
            let (kind, token, oldToken) = result[index]
            let before = result[index - 1].0
            let after = result[index + 1].0
            if kind == .equal, before != .equal, after != .equal, isSlight(token), let oldToken {
                // The kept word becomes part of both edits: deleted from the old, inserted in the new.
                result.replaceSubrange(index...index, with: [(.delete, oldToken, nil), (.insert, token, nil)])
                index += 2
            } else {
                index += 1
            }
        }
        // Within each stretch of edits, deletions first, then insertions.
        var ordered: [(WordOp.Kind, WordToken, WordToken?)] = []
        var pendingDeletes: [(WordOp.Kind, WordToken, WordToken?)] = []
        var pendingInserts: [(WordOp.Kind, WordToken, WordToken?)] = []
        for entry in result {
            switch entry.0 {
            case .delete: pendingDeletes.append(entry)
            case .insert: pendingInserts.append(entry)
            case .equal:
                ordered += pendingDeletes + pendingInserts
                pendingDeletes = []
                pendingInserts = []
                ordered.append(entry)
            }
        }
        return ordered + pendingDeletes + pendingInserts
    }

    private static func isSlight(_ token: WordToken) -> Bool {
        switch token.kind {
        case .number, .paragraphBreak: return false
        case .punctuation:
            return !["\"", "“", "”", "'", "‘", "’", "«", "»"].contains(token.body)
        case .word:
            guard let first = token.body.first, !first.isUppercase else { return false }
            return slightWords.contains(token.body)
        }
    }

    /// Joins consecutive tokens of the same kind into one operation.
    private static func runs(_ tokens: [(WordOp.Kind, WordToken, WordToken?)]) -> [WordOp] {
        var ops: [WordOp] = []
        var kind: WordOp.Kind?
        var text = ""
        var oldText = ""
        for (tokenKind, token, oldToken) in tokens {
            if tokenKind != kind, let current = kind {
                ops.append(WordOp(current, text, oldText: oldText))
                text = ""
                oldText = ""
            }
            kind = tokenKind
            text += token.text
            oldText += (oldToken ?? token).text
        }
        if let kind { ops.append(WordOp(kind, text, oldText: oldText)) }
        return ops
    }
}
