/// Word diff: tokens compared by body, stdlib's Myers difference underneath, then a cleanup
/// that folds a tiny kept word between two edits into the edits, for readability, but never a
/// number, a capitalised word or a quote mark.
public enum WordDiffer {
    /// The word diff of two texts.
    ///
    /// - Complexity: O(n + m) to tokenize the two texts, then as `diff(_:_:settings:)` on the tokens.
    public static func diff(_ old: String, _ new: String, settings: DiffSettings = DiffSettings()) -> WordDiff {
        diff(WordTokenizer.tokens(old), WordTokenizer.tokens(new), settings: settings)
    }

    /// The word diff of two token sequences.
    ///
    /// - Complexity: O((n + m) · d) for n and m tokens and d differing tokens (the standard library's
    ///   Myers difference), plus O(f · (n + m)) for the f slight words folded into the edits
    ///   around them; O(n + m) when n · m is above `DiffSettings.wordDiffLimit`, which gives up
    ///   and reports a full replacement.
    public static func diff(_ old: [WordToken], _ new: [WordToken],
                            settings: DiffSettings = DiffSettings()) -> WordDiff {
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
        let kept = tokens.filter { $0.0 == .equal }.reduce(0) {
            $0 + $1.1.text.unicodeScalars.count + ($1.2?.text.unicodeScalars.count ?? 0)
        }
        let similarity = oldLength + newLength == 0 ? 1 : Double(kept) / Double(oldLength + newLength)
        return WordDiff(ops: runs(cleanedUp(tokens)), similarity: min(1, similarity), gaveUp: false)
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
    private static func cleanedUp(_ tokens: [(WordOp.Kind, WordToken, WordToken?)])
        -> [(WordOp.Kind, WordToken, WordToken?)] {
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
