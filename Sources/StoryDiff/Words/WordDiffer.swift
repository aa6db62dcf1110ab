/// Word diff: tokens compared by body (as interned integer ids), Myers' O(ND) difference
/// underneath (`myers(_:_:)`, the standard library's choices), then a cleanup
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
    /// - Complexity: O(t) to intern the t tokens' bodies by hashing, then as
    ///   `diff(_:_:oldIds:newIds:oldLengths:newLengths:settings:)`.
    public static func diff(_ old: [WordToken], _ new: [WordToken],
                            settings: DiffSettings = DiffSettings()) -> WordDiff {
        var idOf: [String: Int] = [:]
        func interned(_ tokens: [WordToken]) -> [Int] {
            tokens.map { token in
                if let id = idOf[token.body] { return id }
                let id = idOf.count
                idOf[token.body] = id
                return id
            }
        }
        let oldIds = interned(old)
        let newIds = interned(new)
        return diff(old, new, oldIds: oldIds, newIds: newIds, oldLengths: old.map(length),
                    newLengths: new.map(length), settings: settings)
    }

    /// The word diff of two token sequences whose bodies are already interned (equal ids for
    /// equal bodies, in both sequences), with each token's length in Unicode scalars.
    ///
    /// - Complexity: O((n + m) · d) for n and m tokens and d differing tokens (Myers on the ids,
    ///   `myers(_:_:)`, the same script as the standard library's `difference(from:)`), then
    ///   O(n + m) to fold slight words and join runs; O(n + m) when n · m is above
    ///   `DiffSettings.wordDiffLimit`, which gives up and reports a full replacement.
    static func diff(_ old: [WordToken], _ new: [WordToken], oldIds: [Int], newIds: [Int],
                     oldLengths: [Int], newLengths: [Int], settings: DiffSettings) -> WordDiff {
        guard old.count * new.count <= settings.wordDiffLimit else {
            var ops: [WordOp] = []
            if !old.isEmpty { ops.append(WordOp(.delete, old.map(\.text).joined())) }
            if !new.isEmpty { ops.append(WordOp(.insert, new.map(\.text).joined())) }
            return WordDiff(ops: ops, similarity: 0, gaveUp: true)
        }
        let total = oldLengths.reduce(0, +) + newLengths.reduce(0, +)
        let (removed, inserted) = myers(oldIds, newIds)
        var steps: [Step] = []
        steps.reserveCapacity(old.count + new.count)
        var kept = 0
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed[i] {
                steps.append(Step(kind: .delete, old: i, new: -1))
                i += 1
            } else if j < new.count, inserted[j] {
                steps.append(Step(kind: .insert, old: -1, new: j))
                j += 1
            } else if i < old.count, j < new.count {
                steps.append(Step(kind: .equal, old: i, new: j))
                kept += oldLengths[i] + newLengths[j]
                i += 1
                j += 1
            } else {
                break
            }
        }
        let similarity = total == 0 ? 1 : Double(kept) / Double(total)
        return WordDiff(ops: runs(cleanedUp(steps, new: new), old: old, new: new), similarity: min(1, similarity),
                        gaveUp: false)
    }

    /// One token of the edit script: kept (both indices), deleted (old) or inserted (new); -1
    /// for the side a token is not on.
    struct Step {
        var kind: WordOp.Kind
        var old: Int
        var new: Int
    }

    static func length(_ token: WordToken) -> Int { token.text.unicodeScalars.count }

    static func length(_ tokens: [WordToken]) -> Int {
        tokens.reduce(0) { $0 + length($1) }
    }

    /// Words too slight to stand alone between two edits.
    static let slightWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "as", "is", "was", "it", "its",
        "that", "with", "from", "be", "has", "had", "have", "but", "not",
    ]

    /// Folds a single slight kept token lying between two edits into the edits around it (the
    /// kept word is deleted from the old and inserted in the new), then puts the deletions of
    /// each stretch of edits before its insertions. A fold never makes or unmakes another: its
    /// neighbours are edits either way, so one pass over the original kinds decides them all.
    ///
    /// - Complexity: O(n) for n steps.
    private static func cleanedUp(_ steps: [Step], new: [WordToken]) -> [Step] {
        var ordered: [Step] = []
        ordered.reserveCapacity(steps.count + 8)
        var pendingInserts: [Step] = []
        for (index, step) in steps.enumerated() {
            if step.kind == .equal, index > 0, index + 1 < steps.count, steps[index - 1].kind != .equal,
               steps[index + 1].kind != .equal, isSlight(new[step.new]) {
                ordered.append(Step(kind: .delete, old: step.old, new: -1))
                pendingInserts.append(Step(kind: .insert, old: -1, new: step.new))
                continue
            }
            switch step.kind {
            case .delete: ordered.append(step)
            case .insert: pendingInserts.append(step)
            case .equal:
                ordered += pendingInserts
                pendingInserts.removeAll(keepingCapacity: true)
                ordered.append(step)
            }
        }
        return ordered + pendingInserts
    }

    static func isSlight(_ token: WordToken) -> Bool {
        switch token.kind {
        case .number, .paragraphBreak: return false
        case .punctuation:
            return !["\"", "“", "”", "'", "‘", "’", "«", "»"].contains(token.body)
        case .word:
            guard let first = token.body.first, !first.isUppercase else { return false }
            return slightWords.contains(token.body)
        }
    }

    /// Joins consecutive steps of the same kind into one operation.
    ///
    /// - Complexity: O(c) in the characters of the tokens.
    private static func runs(_ steps: [Step], old: [WordToken], new: [WordToken]) -> [WordOp] {
        var ops: [WordOp] = []
        var kind: WordOp.Kind?
        var text = ""
        var oldText = ""
        for step in steps {
            if step.kind != kind, let current = kind {
                ops.append(WordOp(current, text, oldText: current == .equal ? oldText : text))
                text = ""
                oldText = ""
            }
            kind = step.kind
            switch step.kind {
            case .delete:
                text += old[step.old].body
                text += old[step.old].space
            case .insert:
                text += new[step.new].body
                text += new[step.new].space
            case .equal:
                text += new[step.new].body
                text += new[step.new].space
                oldText += old[step.old].body
                oldText += old[step.old].space
            }
        }
        if let kind { ops.append(WordOp(kind, text, oldText: kind == .equal ? oldText : text)) }
        return ops
    }
}
