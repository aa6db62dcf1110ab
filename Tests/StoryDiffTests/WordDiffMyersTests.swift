import Testing
@testable import StoryDiff

/// The word diff on interned ids (`WordDiffer.myers`) against the standard library's
/// `difference(from:)` that it replaced: the same removals and insertions, and the same word
/// ops as the old word diff (kept here, verbatim, as `ReferenceWordDiff`), on generated pairs.
@Suite struct WordDiffMyersTests {
    /// A small seeded generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// An edited copy of `tokens`: deletions, insertions, replacements and moves of short runs.
    static func edited(_ tokens: [Int], alphabet: Int, random: inout Generator) -> [Int] {
        var result = tokens
        for _ in 0..<random.next(6) {
            let position = result.isEmpty ? 0 : random.next(result.count + 1)
            let length = 1 + random.next(4)
            switch random.next(4) {
            case 0: result.removeSubrange(position..<min(result.count, position + length))
            case 1: result.insert(contentsOf: (0..<length).map { _ in random.next(alphabet) }, at: position)
            case 2:
                let end = min(result.count, position + length)
                result.replaceSubrange(position..<end, with: (0..<length).map { _ in random.next(alphabet) })
            default:
                let end = min(result.count, position + length)
                let run = Array(result[position..<end])
                result.removeSubrange(position..<end)
                result.insert(contentsOf: run, at: result.isEmpty ? 0 : random.next(result.count + 1))
            }
        }
        return result
    }

    @Test func theSameScriptAsTheStandardLibrary() {
        var random = Generator(state: 15)
        for round in 0..<4000 {
            // Small alphabets make many ties between shortest scripts.
            let alphabet = [2, 3, 5, 20, 200][round % 5]
            let old = (0..<random.next(60)).map { _ in random.next(alphabet) }
            let new = round % 3 == 0 ? (0..<random.next(60)).map { _ in random.next(alphabet) }
                : Self.edited(old, alphabet: alphabet, random: &random)
            var removed = [Bool](repeating: false, count: old.count)
            var inserted = [Bool](repeating: false, count: new.count)
            for change in new.difference(from: old) {
                switch change {
                case .remove(let offset, _, _): removed[offset] = true
                case .insert(let offset, _, _): inserted[offset] = true
                }
            }
            let mine = WordDiffer.myers(old, new)
            #expect(mine.removed == removed && mine.inserted == inserted, "\(old) -> \(new)")
            if mine.removed != removed || mine.inserted != inserted { return }
        }
    }

    @Test func theSameOpsAsTheOldWordDiff() {
        let words = ["the", "a", "of", "said", "Smith", "police", "1,200", "9:40", ",", ".", "\"", "’", "port",
                     "strike", "and", "was", "Harbour", "workers", "3%", "$50", "in", "on", "it"]
        var random = Generator(state: 2026)
        for _ in 0..<3000 {
            let oldIds = (0..<random.next(40)).map { _ in random.next(words.count) }
            let newIds = Self.edited(oldIds, alphabet: words.count, random: &random)
            func text(_ ids: [Int]) -> String {
                ids.map { words[$0] + (random.next(5) == 0 ? "  " : " ") }.joined()
            }
            let old = text(oldIds)
            let new = text(newIds)
            let reference = ReferenceWordDiff.diff(WordTokenizer.tokens(old), WordTokenizer.tokens(new))
            let diff = WordDiffer.diff(old, new)
            #expect(diff == reference, "\(old) -> \(new)")
            if diff != reference { return }
        }
    }

    @Test func theParagraphDiffGivesTheOldWordOps() {
        let old = ["The port strike entered its third day on Monday, and 1,200 workers stayed out.",
                   "Smith said the talks would resume. Police said nothing.",
                   "A kept paragraph."]
        let new = ["The strike at the port entered a fourth day on Tuesday as 1,500 workers stayed out.",
                   "A kept paragraph.",
                   "Smith said talks would resume on Friday. Police, he said, said nothing at all."]
        for op in ParagraphAligner.diff(old: old, new: new).ops where op.kind == .changed || op.kind == .movedChanged {
            let before = old[op.old[0] - 1]
            let after = new[op.new[0] - 1]
            #expect(op.words == ReferenceWordDiff.diff(WordTokenizer.tokens(before), WordTokenizer.tokens(after)).ops)
        }
    }
}

/// The word diff as it was before the ids (standard library `difference(from:)` on token
/// bodies), kept only as the reference the tests compare with.
enum ReferenceWordDiff {
    static func diff(_ old: [WordToken], _ new: [WordToken], settings: DiffSettings = DiffSettings()) -> WordDiff {
        let oldLength = WordDiffer.length(old)
        let newLength = WordDiffer.length(new)
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

    static func cleanedUp(_ tokens: [(WordOp.Kind, WordToken, WordToken?)]) -> [(WordOp.Kind, WordToken, WordToken?)] {
        var result = tokens
        var index = 1
        while index + 1 < result.count {
            let (kind, token, oldToken) = result[index]
            let before = result[index - 1].0
            let after = result[index + 1].0
            if kind == .equal, before != .equal, after != .equal, isSlight(token), let oldToken {
                result.replaceSubrange(index...index, with: [(.delete, oldToken, nil), (.insert, token, nil)])
                index += 2
            } else {
                index += 1
            }
        }
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

    static func isSlight(_ token: WordToken) -> Bool { WordDiffer.isSlight(token) }

    static func runs(_ tokens: [(WordOp.Kind, WordToken, WordToken?)]) -> [WordOp] {
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
