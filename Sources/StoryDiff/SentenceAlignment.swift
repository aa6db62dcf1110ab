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

    public static func pairs(_ diff: ParagraphDiff, old: [String], new: [String]) -> [SentencePair] {
        var pairs: [SentencePair] = []
        var leftoverOld: [(String, Int)] = []
        var leftoverNew: [(String, Int)] = []
        for op in diff.ops {
            switch op.kind {
            case .unchanged, .moved:
                continue
            case .added:
                for number in op.new { leftoverNew += sentences(new, number) }
            case .removed:
                for number in op.old { leftoverOld += sentences(old, number) }
            case .changed, .movedChanged, .split, .merged:
                let before = op.old.flatMap { sentences(old, $0) }
                let after = op.new.flatMap { sentences(new, $0) }
                let (matched, restOld, restNew) = match(before, after, threshold: withinThreshold)
                pairs += matched
                leftoverOld += restOld
                leftoverNew += restNew
            }
        }
        let (moved, removed, added) = match(leftoverOld, leftoverNew, threshold: acrossThreshold)
        pairs += moved
        pairs += removed.map { SentencePair(old: $0.0, new: nil, paragraph: $0.1) }
        pairs += added.map { SentencePair(old: nil, new: $0.0, paragraph: $0.1) }
        return pairs.sorted { ($0.paragraph, $0.new == nil ? 1 : 0) < ($1.paragraph, $1.new == nil ? 1 : 0) }
    }

    /// Every claim change between the two revisions, by paragraph; relative dates are
    /// resolved against each revision's time when given.
    public static func claimChanges(_ diff: ParagraphDiff, old: [String], new: [String], oldTime: Date? = nil,
                                    newTime: Date? = nil) -> [ClaimChange] {
        pairs(diff, old: old, new: new).flatMap {
            ClaimComparer.changes(old: $0.old, new: $0.new, paragraph: $0.paragraph, oldTime: oldTime, newTime: newTime)
        }
    }

    static func sentences(_ paragraphs: [String], _ number: Int) -> [(String, Int)] {
        guard paragraphs.indices.contains(number - 1) else { return [] }
        return SentenceSegmenter.sentences(paragraphs[number - 1]).map { ($0, number) }
    }

    /// Identical sentences first, then the most similar pairs above `threshold`, one to one.
    static func match(_ before: [(String, Int)], _ after: [(String, Int)], threshold: Double)
        -> ([SentencePair], [(String, Int)], [(String, Int)]) {
        var usedOld = Set<Int>()
        var usedNew = Set<Int>()
        var pairs: [SentencePair] = []
        for (i, sentence) in before.enumerated() {
            if let j = after.indices.first(where: { !usedNew.contains($0) && after[$0].0 == sentence.0 }) {
                usedOld.insert(i)
                usedNew.insert(j)
                pairs.append(SentencePair(old: sentence.0, new: after[j].0, paragraph: after[j].1))
            }
        }
        let maskedOld = before.map { masked($0.0) }
        let maskedNew = after.map { masked($0.0) }
        // Two neighbouring sentences that became one (merge) or one that became two (split):
        // when the pair joined is closer than either alone.
        groupNeighbours(count: before.count, others: after.count, usedSelf: &usedOld, usedOther: &usedNew,
                        masked: maskedOld, otherMasked: maskedNew, threshold: threshold) { i, j in
            pairs.append(SentencePair(old: before[i].0 + " " + before[i + 1].0, new: after[j].0, paragraph: after[j].1))
        }
        groupNeighbours(count: after.count, others: before.count, usedSelf: &usedNew, usedOther: &usedOld,
                        masked: maskedNew, otherMasked: maskedOld, threshold: threshold) { j, i in
            pairs.append(SentencePair(old: before[i].0, new: after[j].0 + " " + after[j + 1].0, paragraph: after[j].1))
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
            pairs.append(SentencePair(old: before[i].0, new: after[j].0, paragraph: after[j].1))
        }
        let restOld = before.indices.filter { !usedOld.contains($0) }.map { before[$0] }
        let restNew = after.indices.filter { !usedNew.contains($0) }.map { after[$0] }
        return (pairs, restOld, restNew)
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
