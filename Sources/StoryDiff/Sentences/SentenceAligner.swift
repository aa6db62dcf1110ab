import Foundation
import StoryText

/// Aligns the sentences of two revisions: inside each pair of aligned paragraphs first, then
/// across the article for sentences that moved. Numbers and dates are masked while matching,
/// so "5 killed" pairs with "50 killed" and the change shows as a changed figure
/// (docs/diff/sentences.md).
public enum SentenceAligner {
    /// The sentence pairs of paragraphs that changed, moved or were split, merged, added or
    /// removed; sentences of unchanged and verbatim-moved paragraphs are left out.
    ///
    /// - Complexity: as `links(_:old:new:includingVerbatim:settings:)` over the edited paragraphs
    ///   only.
    public static func pairs(_ diff: ParagraphDiff, old: [String], new: [String],
                             settings: DiffSettings = DiffSettings()) -> [SentencePair] {
        links(diff, old: old, new: new, includingVerbatim: false, settings: settings).map {
            SentencePair(old: $0.oldText, new: $0.newText, paragraph: $0.paragraph)
        }
    }

    /// Every sentence of both revisions in exactly one link, in the order of the new version
    /// (removed sentences after the sentences of the paragraph they stood in). With
    /// `includingVerbatim`, the sentences of unchanged and moved paragraphs are linked one to
    /// one too: that is what the timeline follows from version to version.
    ///
    /// - Complexity: O(c) to segment the c characters of the paragraphs compared and to mask their
    ///   words; then, for each changed, split or merged paragraph group of a old and b new
    ///   sentences, O(a · b) bag comparisons (O(words) each) and a sort of the candidate pairs;
    ///   then the same across the article for the p removed and q added sentences left over,
    ///   O(p · q).
    public static func links(_ diff: ParagraphDiff, old: [String], new: [String], includingVerbatim: Bool = true,
                             settings: DiffSettings = DiffSettings()) -> [SentenceLink] {
        // Without the verbatim paragraphs, only the paragraphs that changed need segmenting.
        var usedOld = Set(old.indices.map { $0 + 1 })
        var usedNew = Set(new.indices.map { $0 + 1 })
        if !includingVerbatim {
            let edited = diff.ops.filter { $0.kind != .unchanged && $0.kind != .moved }
            usedOld = Set(edited.flatMap(\.old))
            usedNew = Set(edited.flatMap(\.new))
        }
        func segmented(_ paragraphs: [String], _ used: Set<Int>) -> [[String]] {
            paragraphs.enumerated().map { used.contains($0.offset + 1) ? SentenceSegmenter.sentences($0.element) : [] }
        }
        return links(diff, oldSentences: segmented(old, usedOld), newSentences: segmented(new, usedNew),
                     includingVerbatim: includingVerbatim, settings: settings)
    }

    /// `links` for revisions already split into sentences (paragraph by paragraph).
    static func links(_ diff: ParagraphDiff, oldSentences old: [[String]], newSentences new: [[String]],
                      includingVerbatim: Bool, settings: DiffSettings) -> [SentenceLink] {
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
                let (matched, restOld, restNew) = match(before, after, threshold: settings.sentenceWithinThreshold,
                                                         margin: settings.sentenceGroupMargin)
                links += matched
                leftoverOld += restOld
                leftoverNew += restNew
            }
        }
        let (moved, removed, added) = match(leftoverOld, leftoverNew, threshold: settings.sentenceAcrossThreshold,
                                              margin: settings.sentenceGroupMargin)
        links += moved
        links += removed.map { SentenceLink(old: [$0], new: []) }
        links += added.map { SentenceLink(old: [], new: [$0]) }
        // By paragraph; in each, the removed sentences last.
        return links.sorted { ($0.paragraph, $0.new.isEmpty ? 1 : 0) < ($1.paragraph, $1.new.isEmpty ? 1 : 0) }
    }

    /// Every claim change between the two revisions, by paragraph; relative dates are
    /// resolved against each revision's time when given.
    ///
    /// - Complexity: `pairs(_:old:new:settings:)` plus one `ClaimComparer.changes` per pair.
    public static func claimChanges(_ diff: ParagraphDiff, old: [String], new: [String], oldTime: Date? = nil,
                                    newTime: Date? = nil, settings: DiffSettings = DiffSettings()) -> [ClaimChange] {
        pairs(diff, old: old, new: new, settings: settings).flatMap {
            ClaimComparer.changes(old: $0.old, new: $0.new, paragraph: $0.paragraph, oldTime: oldTime, newTime: newTime)
        }
    }

    static func sentences(_ paragraphs: [[String]], _ number: Int) -> [SentenceRef] {
        guard paragraphs.indices.contains(number - 1) else { return [] }
        return paragraphs[number - 1].enumerated().map {
            SentenceRef(paragraph: number, index: $0.offset, text: $0.element)
        }
    }
}
