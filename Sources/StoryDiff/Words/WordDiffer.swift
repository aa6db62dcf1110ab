/// Word diff: tokens compared by body (as interned integer ids), Myers' O(ND) difference
/// underneath (`myers(_:_:)`, the standard library's choices), then a cleanup
/// that folds a tiny kept word between two edits into the edits, for readability, but never a
/// number, a capitalised word or a quote mark.
public enum WordDiffer {
    /// The word diff of two texts.
    ///
    /// - Complexity: O(n + m) to tokenize and intern the two texts' bytes (`SequenceBuilder`),
    ///   then as `diff(_:_:settings:)` on the sequences.
    public static func diff(_ old: String, _ new: String, settings: DiffSettings = DiffSettings()) -> WordDiff {
        var builder = SequenceBuilder(capacity: (old.utf8.count + new.utf8.count) / 4 + 8, keyWordLength: nil)
        let oldSequence = builder.sequence(old).0
        let newSequence = builder.sequence(new).0
        return diff(oldSequence, newSequence, settings: settings)
    }

    /// The word diff of two token sequences.
    ///
    /// - Complexity: O(t) to intern the t tokens' bodies by hashing, then as
    ///   `diff(_:_:settings:)` on the sequences.
    public static func diff(_ old: [WordToken], _ new: [WordToken],
                            settings: DiffSettings = DiffSettings()) -> WordDiff {
        var idOf: [String: Int] = [:]
        func sequence(_ tokens: [WordToken]) -> DiffSequence {
            var result = DiffSequence(text: tokens.map(\.text).joined())
            var end = 0
            for token in tokens {
                let id: Int
                if let known = idOf[token.body] {
                    id = known
                } else {
                    id = idOf.count
                    idOf[token.body] = id
                }
                end += token.body.utf8.count + token.space.utf8.count
                result.ids.append(id)
                result.lengths.append(length(token))
                result.slight.append(isSlight(token))
                result.ends.append(end)
                result.characters += length(token)
            }
            return result
        }
        let oldSequence = sequence(old)
        return diff(oldSequence, sequence(new), settings: settings)
    }

    /// The word diff of two sequences whose bodies are interned in one id space (equal ids for
    /// equal bodies).
    ///
    /// - Complexity: O((n + m) · d) for n and m tokens and d differing tokens (Myers on the ids,
    ///   `myers(_:_:)`, the same script as the standard library's `difference(from:)`), then
    ///   O(n + m) to fold slight words and join runs, and O(c) to cut the c bytes of the runs'
    ///   texts; O(n + m) when n · m is above `DiffSettings.wordDiffLimit`, which gives up and
    ///   reports a full replacement.
    static func diff(_ old: DiffSequence, _ new: DiffSequence, settings: DiffSettings) -> WordDiff {
        guard old.count * new.count <= settings.wordDiffLimit else {
            var ops: [WordOp] = []
            if old.count > 0 { ops.append(WordOp(.delete, old.text)) }
            if new.count > 0 { ops.append(WordOp(.insert, new.text)) }
            return WordDiff(ops: ops, similarity: 0, gaveUp: true)
        }
        let total = old.characters + new.characters
        let (removed, inserted) = myers(old.ids, new.ids)
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
                kept += old.lengths[i] + new.lengths[j]
                i += 1
                j += 1
            } else {
                break
            }
        }
        let similarity = total == 0 ? 1 : Double(kept) / Double(total)
        return WordDiff(ops: ops(runs(cleanedUp(steps, newSlight: new.slight)), old: old, new: new),
                        similarity: min(1, similarity), gaveUp: false)
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
    private static func cleanedUp(_ steps: [Step], newSlight: [Bool]) -> [Step] {
        var ordered: [Step] = []
        ordered.reserveCapacity(steps.count + 8)
        var pendingInserts: [Step] = []
        for (index, step) in steps.enumerated() {
            if step.kind == .equal, index > 0, index + 1 < steps.count, steps[index - 1].kind != .equal,
               steps[index + 1].kind != .equal, newSlight[step.new] {
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

    /// Whether a token of `kind` with these body bytes is slight: the bytes are compared, which
    /// is `isSlight(_:)`'s string comparison here, since no text canonically equivalent to a
    /// slight word or a quote mark has other bytes (no scalar decomposes to one).
    static func isSlight(kind: WordToken.Kind, body: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .number, .paragraphBreak: return false
        case .punctuation:
            switch body.count {
            case 1: return body[0] != 0x22 && body[0] != 0x27
            case 2: return !(body[0] == 0xC2 && (body[1] == 0xAB || body[1] == 0xBB))
            case 3: return !(body[0] == 0xE2 && body[1] == 0x80 && (0x98...0x9D).contains(body[2]) && body[2] != 0x9A
                             && body[2] != 0x9B)
            default: return true
            }
        case .word:
            guard body.count <= 4, let first = body.first, first >= 0x61, first <= 0x7A else { return false }
            var packed: UInt32 = 0
            for (index, byte) in body.enumerated() { packed |= UInt32(byte) << (8 * UInt32(index)) }
            // 26 words, sorted: a binary search, no hashing.
            var low = 0
            var high = slightPacked.count
            while low < high {
                let middle = (low + high) / 2
                if slightPacked[middle] < packed { low = middle + 1 } else { high = middle }
            }
            return low < slightPacked.count && slightPacked[low] == packed
        }
    }

    /// The slight words, each as its bytes packed into a number (first byte lowest), sorted.
    static let slightPacked: [UInt32] = slightWords.map { word in
        word.utf8.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }.sorted()

    /// One run of the cleaned-up script: consecutive steps of one kind, as the old and new
    /// token ranges they cover (contiguous: a stretch of edits between two kept tokens deletes
    /// consecutive old tokens and inserts consecutive new ones, folds included).
    struct Run {
        var kind: WordOp.Kind
        var old: Range<Int>
        var new: Range<Int>
    }

    /// Joins consecutive steps of the same kind into runs.
    ///
    /// - Complexity: O(n) for n steps.
    private static func runs(_ steps: [Step]) -> [Run] {
        var runs: [Run] = []
        for step in steps {
            let old = step.old >= 0 ? step.old..<(step.old + 1) : 0..<0
            let new = step.new >= 0 ? step.new..<(step.new + 1) : 0..<0
            if let last = runs.last, last.kind == step.kind {
                runs[runs.count - 1].old = last.old.isEmpty ? old : last.old.lowerBound..<max(last.old.upperBound,
                                                                                              old.upperBound)
                runs[runs.count - 1].new = last.new.isEmpty ? new : last.new.lowerBound..<max(last.new.upperBound,
                                                                                              new.upperBound)
            } else {
                runs.append(Run(kind: step.kind, old: old, new: new))
            }
        }
        return runs
    }

    /// The operations of the runs, each text one slice of its sequence's UTF-8.
    ///
    /// - Complexity: O(c) in the bytes of the runs.
    private static func ops(_ runs: [Run], old: DiffSequence, new: DiffSequence) -> [WordOp] {
        var oldText = old.text
        var newText = new.text
        return oldText.withUTF8 { oldBytes in
            newText.withUTF8 { newBytes in
                func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ sequence: DiffSequence, _ range: Range<Int>)
                    -> UnsafeBufferPointer<UInt8> {
                    range.isEmpty ? UnsafeBufferPointer(rebasing: bytes[0..<0])
                        : UnsafeBufferPointer(rebasing: bytes[sequence.start(range.lowerBound)..<sequence.ends[range.upperBound - 1]])
                }
                return runs.map { run in
                    switch run.kind {
                    case .delete:
                        return WordOp(.delete, String(decoding: slice(oldBytes, old, run.old), as: UTF8.self))
                    case .insert:
                        return WordOp(.insert, String(decoding: slice(newBytes, new, run.new), as: UTF8.self))
                    case .equal:
                        let newSlice = slice(newBytes, new, run.new)
                        let oldSlice = slice(oldBytes, old, run.old)
                        let text = String(decoding: newSlice, as: UTF8.self)
                        return WordOp(.equal, text, oldText: newSlice.sameBytes(as: oldSlice) ? text
                                          : String(decoding: oldSlice, as: UTF8.self))
                    }
                }
            }
        }
    }
}
