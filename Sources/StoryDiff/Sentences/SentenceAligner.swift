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
                     includingVerbatim: includingVerbatim, settings: settings,
                     weights: { InformativeWeights(old: old, new: new, keyWordLength: settings.keyWordLength) })
    }

    /// `links` for revisions already split into sentences (paragraph by paragraph). `weights`
    /// gives the informative weights of the two versions' paragraphs (by default, of their
    /// sentences joined), asked for only when sentences are left over after the first passes.
    static func links(_ diff: ParagraphDiff, oldSentences old: [[String]], newSentences new: [[String]],
                      includingVerbatim: Bool, settings: DiffSettings,
                      weights: (() -> InformativeWeights)? = nil) -> [SentenceLink] {
        var links: [SentenceLink] = []
        // Paragraphs kept whole (unchanged or moved verbatim) anchor the slots.
        var anchors: [(Int, Int)] = []
        var leftoverOld: [SentenceRef] = []
        var leftoverNew: [SentenceRef] = []
        for op in diff.ops {
            switch op.kind {
            case .unchanged, .moved:
                guard let from = op.old.first, let to = op.new.first else { continue }
                anchors.append((from << 20, to << 20))
                guard includingVerbatim else { continue }
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
        let (moved, restOld, restNew) = match(leftoverOld, leftoverNew, threshold: settings.sentenceAcrossThreshold,
                                              margin: settings.sentenceGroupMargin)
        links += moved
        var removed = restOld
        var added = restNew
        if !removed.isEmpty || !added.isEmpty {
            let weights = weights?() ?? InformativeWeights(old: old.map { $0.joined(separator: " ") },
                                                            new: new.map { $0.joined(separator: " ") },
                                                            keyWordLength: settings.keyWordLength)
            absorbNeighbours(&links, leftoverOld: &removed, leftoverNew: &added, oldSentences: old,
                             newSentences: new, weights: weights, threshold: settings.sentenceContainmentThreshold)
            // What is still left: first by where it stands, then by its telling words anywhere.
            let verbatim = Set(anchors.map(\.0))
            let linked = links.compactMap { link -> (Int, Int)? in
                guard let from = link.old.first, let to = link.new.first,
                      !verbatim.contains(from.paragraph << 20) else { return nil }
                return (key(from), key(to))
            }
            let (placed, placedOld, placedNew) = slotLinks(removed, added, anchors: anchors + linked, weights: weights,
                                                           threshold: settings.sentenceSlotThreshold)
            let (far, farOld, farNew) = informativeLinks(placedOld, placedNew, weights: weights,
                                                         threshold: settings.sentenceMovedThreshold)
            var late = placed + far
            removed = farOld
            added = farNew
            absorbNeighbours(&late, leftoverOld: &removed, leftoverNew: &added, oldSentences: old, newSentences: new,
                             weights: weights, threshold: settings.sentenceContainmentThreshold)
            links += late
        }
        links += removed.map { SentenceLink(old: [$0], new: []) }
        links += added.map { SentenceLink(old: [], new: [$0]) }
        // By paragraph; in each, the removed sentences last.
        return links.sorted { ($0.paragraph, $0.new.isEmpty ? 1 : 0) < ($1.paragraph, $1.new.isEmpty ? 1 : 0) }
    }

    /// Every claim change between the two revisions, by paragraph; relative dates are
    /// resolved against each revision's time when given, names against the whole story.
    ///
    /// - Complexity: `pairs(_:old:new:settings:)` plus one `ClaimComparer.changes` per pair, and
    ///   O(n) for the two versions' text.
    public static func claimChanges(_ diff: ParagraphDiff, old: [String], new: [String], oldTime: Date? = nil,
                                    newTime: Date? = nil, oldDate: StoryDate? = nil, newDate: StoryDate? = nil,
                                    settings: DiffSettings = DiffSettings()) -> [ClaimChange] {
        // The two versions' text, for a name the story gives elsewhere ("the city").
        let story = StoryNames(old: old, new: new, oldDate: oldDate, newDate: newDate)
        return pairs(diff, old: old, new: new, settings: settings).flatMap {
            ClaimComparer.changes(old: $0.old, new: $0.new, paragraph: $0.paragraph, oldTime: oldTime, newTime: newTime,
                                  story: story)
        }
    }

    static func sentences(_ paragraphs: [[String]], _ number: Int) -> [SentenceRef] {
        guard paragraphs.indices.contains(number - 1) else { return [] }
        return paragraphs[number - 1].enumerated().map {
            SentenceRef(paragraph: number, index: $0.offset, text: $0.element)
        }
    }
}
