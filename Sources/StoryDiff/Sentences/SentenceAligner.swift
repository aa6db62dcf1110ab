import Foundation
import StoryText

/// Two sentences the aligner found to be the same sentence (either may be nil: added or
/// removed), with the paragraph it stands in.
public struct SentencePair: Sendable, Equatable {
    public let old: String?
    public let new: String?
    /// 1-based: the new version's paragraph, or the old one's for a removed sentence.
    public let paragraph: Int
}

/// One sentence of a revision: where it stands and what it says.
public struct SentenceRef: Sendable, Equatable, Hashable {
    /// 1-based paragraph number.
    public let paragraph: Int
    /// 0-based position of the sentence in its paragraph.
    public let index: Int
    public let text: String
}

/// Sentences of the old revision that became sentences of the new one: one to one, two to
/// one (merged), one to two (split), none to one (added) or one to none (removed).
public struct SentenceLink: Sendable, Equatable {
    public let old: [SentenceRef]
    public let new: [SentenceRef]

    public var oldText: String? { old.isEmpty ? nil : old.map(\.text).joined(separator: " ") }
    public var newText: String? { new.isEmpty ? nil : new.map(\.text).joined(separator: " ") }
    /// The new version's paragraph, or the old one's for a removed sentence.
    public var paragraph: Int { new.first?.paragraph ?? old.first?.paragraph ?? 0 }
}

/// Aligns the sentences of two revisions: inside each pair of aligned paragraphs first, then
/// across the article for sentences that moved. Numbers and dates are masked while matching,
/// so "5 killed" pairs with "50 killed" and the change shows as a changed figure
/// (docs/diff/sentences.md).
///
/// - Complexity: O(s^2) in the sentences of each paragraph group, plus O(l^2) for the l
///   sentences left over across the article.
public enum SentenceAligner {
    /// Within aligned paragraphs, sentences at least this similar (masked tokens, Dice) pair.
    static let withinThreshold = 0.5
    /// Across the article, a left-over sentence must be at least this similar to pair.
    static let acrossThreshold = 0.7

    /// The sentence pairs of paragraphs that changed, moved or were split, merged, added or
    /// removed; sentences of unchanged and verbatim-moved paragraphs are left out.
    public static func pairs(_ diff: ParagraphDiff, old: [String], new: [String]) -> [SentencePair] {
        links(diff, old: old, new: new, includingVerbatim: false).map {
            SentencePair(old: $0.oldText, new: $0.newText, paragraph: $0.paragraph)
        }
    }

    /// Every sentence of both revisions in exactly one link, in the order of the new version
    /// (removed sentences after the sentences of the paragraph they stood in). With
    /// `includingVerbatim`, the sentences of unchanged and moved paragraphs are linked one to
    /// one too: that is what the timeline follows from version to version.
    public static func links(_ diff: ParagraphDiff, old: [String], new: [String], includingVerbatim: Bool = true) -> [SentenceLink] {
        // Without the verbatim paragraphs, only the paragraphs that changed need segmenting.
        var usedOld = Set(old.indices.map { $0 + 1 })
        var usedNew = Set(new.indices.map { $0 + 1 })
        if !includingVerbatim {
            let edited = diff.ops.filter { $0.kind != .unchanged && $0.kind != .moved }
            usedOld = Set(edited.flatMap(\.old))
            usedNew = Set(edited.flatMap(\.new))
        }
        return links(diff, oldSentences: old.enumerated().map { usedOld.contains($0.offset + 1) ? SentenceSegmenter.sentences($0.element) : [] },
                     newSentences: new.enumerated().map { usedNew.contains($0.offset + 1) ? SentenceSegmenter.sentences($0.element) : [] },
                     includingVerbatim: includingVerbatim)
    }

    /// `links` for revisions already split into sentences (paragraph by paragraph).
    static func links(_ diff: ParagraphDiff, oldSentences old: [[String]], newSentences new: [[String]],
                      includingVerbatim: Bool) -> [SentenceLink] {
        var links: [SentenceLink] = []
        var leftoverOld: [SentenceRef] = []
        var leftoverNew: [SentenceRef] = []
        for op in diff.ops {
            switch op.kind {
            case .unchanged, .moved:
                guard includingVerbatim, let from = op.old.first, let to = op.new.first else { continue }
                links += zip(sentences(old, from), sentences(new, to)).map { SentenceLink(old: [$0], new: [$1]) }
            case .added:
                for number in op.new { leftoverNew += sentences(new, number) }
            case .removed:
                for number in op.old { leftoverOld += sentences(old, number) }
            case .changed, .movedChanged, .split, .merged:
                let before = op.old.flatMap { sentences(old, $0) }
                let after = op.new.flatMap { sentences(new, $0) }
                let (matched, restOld, restNew) = match(before, after, threshold: withinThreshold)
                links += matched
                leftoverOld += restOld
                leftoverNew += restNew
            }
        }
        let (moved, removed, added) = match(leftoverOld, leftoverNew, threshold: acrossThreshold)
        links += moved
        links += removed.map { SentenceLink(old: [$0], new: []) }
        links += added.map { SentenceLink(old: [], new: [$0]) }
        return links.sorted { ($0.paragraph, $0.new.isEmpty ? 1 : 0) < ($1.paragraph, $1.new.isEmpty ? 1 : 0) }
    }

    /// Every claim change between the two revisions, by paragraph; relative dates are
    /// resolved against each revision's time when given.
    public static func claimChanges(_ diff: ParagraphDiff, old: [String], new: [String], oldTime: Date? = nil,
                                    newTime: Date? = nil) -> [ClaimChange] {
        pairs(diff, old: old, new: new).flatMap {
            ClaimComparer.changes(old: $0.old, new: $0.new, paragraph: $0.paragraph, oldTime: oldTime, newTime: newTime)
        }
    }

    static func sentences(_ paragraphs: [[String]], _ number: Int) -> [SentenceRef] {
        guard paragraphs.indices.contains(number - 1) else { return [] }
        return paragraphs[number - 1].enumerated().map { SentenceRef(paragraph: number, index: $0.offset, text: $0.element) }
    }

    /// Identical sentences first, then the most similar pairs above `threshold`, one to one.
    static func match(_ before: [SentenceRef], _ after: [SentenceRef], threshold: Double)
        -> ([SentenceLink], [SentenceRef], [SentenceRef]) {
        var usedOld = Set<Int>()
        var usedNew = Set<Int>()
        var links: [SentenceLink] = []
        for (i, sentence) in before.enumerated() {
            if let j = after.indices.first(where: { !usedNew.contains($0) && after[$0].text == sentence.text }) {
                usedOld.insert(i)
                usedNew.insert(j)
                links.append(SentenceLink(old: [sentence], new: [after[j]]))
            }
        }
        // Bags only for the sentences still unmatched: the others are never looked at again.
        let maskedOld = before.indices.map { usedOld.contains($0) ? [:] : masked(before[$0].text) }
        let maskedNew = after.indices.map { usedNew.contains($0) ? [:] : masked(after[$0].text) }
        // Two neighbouring sentences that became one (merge) or one that became two (split):
        // when the pair joined is closer than either alone.
        groupNeighbours(count: before.count, others: after.count, usedSelf: &usedOld, usedOther: &usedNew,
                        masked: maskedOld, otherMasked: maskedNew, threshold: threshold) { i, j in
            links.append(SentenceLink(old: [before[i], before[i + 1]], new: [after[j]]))
        }
        groupNeighbours(count: after.count, others: before.count, usedSelf: &usedNew, usedOther: &usedOld,
                        masked: maskedNew, otherMasked: maskedOld, threshold: threshold) { j, i in
            links.append(SentenceLink(old: [before[i]], new: [after[j], after[j + 1]]))
        }
        var candidates: [(Int, Int, Double)] = []
        for i in before.indices where !usedOld.contains(i) {
            for j in after.indices where !usedNew.contains(j) {
                let similarity = dice(maskedOld[i], maskedNew[j])
                if similarity >= threshold { candidates.append((i, j, similarity)) }
            }
        }
        candidates.sort { $0.2 != $1.2 ? $0.2 > $1.2 : (abs($0.0 - $0.1), $0.0) < (abs($1.0 - $1.1), $1.0) }
        for (i, j, _) in candidates where !usedOld.contains(i) && !usedNew.contains(j) {
            usedOld.insert(i)
            usedNew.insert(j)
            links.append(SentenceLink(old: [before[i]], new: [after[j]]))
        }
        let restOld = before.indices.filter { !usedOld.contains($0) }.map { before[$0] }
        let restNew = after.indices.filter { !usedNew.contains($0) }.map { after[$0] }
        return (links, restOld, restNew)
    }

    /// Finds sentences k, k + 1 on one side that together match one sentence on the other side
    /// better than either alone, and reports them through `found(k, other)`.
    static func groupNeighbours(count: Int, others: Int, usedSelf: inout Set<Int>, usedOther: inout Set<Int>,
                                masked: [[String: Int]], otherMasked: [[String: Int]], threshold: Double,
                                found: (Int, Int) -> Void) {
        guard count >= 2 else { return }
        for k in 0..<(count - 1) where !usedSelf.contains(k) && !usedSelf.contains(k + 1) {
            let joined = masked[k].merging(masked[k + 1], uniquingKeysWith: +)
            for other in 0..<others where !usedOther.contains(other) {
                let together = dice(joined, otherMasked[other])
                guard together >= threshold, together > dice(masked[k], otherMasked[other]) + 0.15,
                      together > dice(masked[k + 1], otherMasked[other]) + 0.15 else { continue }
                usedSelf.insert(k)
                usedSelf.insert(k + 1)
                usedOther.insert(other)
                found(k, other)
                break
            }
        }
    }

    /// How alike two sentences are to the aligner, 0 to 1: the Dice coefficient of their
    /// lower-case words with numbers and dates masked.
    public static func similarity(_ a: String, _ b: String) -> Double {
        dice(masked(a), masked(b))
    }

    /// Lower-case words with numbers as `#` and month and weekday names as `@`.
    static func masked(_ sentence: String) -> [String: Int] {
        var bag: [String: Int] = [:]
        for token in WordTokenizer.tokens(sentence) where token.kind != .punctuation {
            let word: String
            if token.kind == .number || ClaimExtractor.spelledNumbers[token.body.lowercased()] != nil {
                word = "#"
            } else if ClaimExtractor.months.contains(token.body) || ClaimExtractor.weekdays.contains(token.body) {
                word = "@"
            } else {
                word = token.body.lowercased()
            }
            bag[word, default: 0] += 1
        }
        return bag
    }

    static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let shared = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }
}
