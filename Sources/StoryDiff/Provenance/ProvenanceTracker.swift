import WritethruSupport
import StoryText

/// Builds a `Provenance` from the versions of a story.
///
/// Paragraphs follow the paragraph diff of each step (unchanged, moved and changed paragraphs
/// keep their identity; the first piece of a split and of a merge keeps it, the other pieces
/// of a split start new identities that share its origin). Sentences follow
/// `SentenceAligner.links`. Added text is first compared with everything removed before it:
/// a removed paragraph at least `DiffSettings.splitThreshold` similar, or a removed sentence
/// at least `DiffSettings.sentenceReintroductionThreshold` similar (numbers and dates masked),
/// comes back under its old identity as reintroduced.
public enum ProvenanceTracker {
    /// The identities of every paragraph and sentence of `versions`, oldest first.
    ///
    /// - Complexity: for v versions, O(c) to segment their c characters into sentences, then v - 1
    ///   independent steps run concurrently, each one `ParagraphAligner.diff`, one
    ///   `SentenceAligner.links` and one `ClaimComparer.changes` per sentence link; chaining the
    ///   identities is linear in the paragraphs and sentences, plus, for each added paragraph or
    ///   sentence, one masked-bag comparison (O(words)) with each removal still remembered.
    public static func trace(_ versions: [VersionText], settings: DiffSettings = DiffSettings()) -> Provenance {
        guard !versions.isEmpty else {
            return Provenance(steps: [], paragraphs: [], sentences: [], paragraphIDs: [], sentenceIDs: [],
                              sentenceTexts: [])
        }
        // The comparisons are independent of one another and take nearly all the time: they
        // run on every core; the identities are then chained in order.
        let sentences = versions.concurrentMap { $0.paragraphs.map(SentenceSegmenter.sentences) }
        let comparisons = Array(versions.indices.dropFirst()).concurrentMap { index in
            StepComparison(old: versions[index - 1], new: versions[index], oldSentences: sentences[index - 1],
                           newSentences: sentences[index], settings: settings)
        }
        var tracker = IdentityChain(settings: settings)
        tracker.start(versions[0], sentences: sentences[0])
        var steps: [Provenance.Step] = []
        for (offset, comparison) in comparisons.enumerated() {
            let index = offset + 1
            steps.append(tracker.step(comparison, old: versions[index - 1], new: versions[index],
                                      newSentences: sentences[index],
                                      version: index + 1))
        }
        return Provenance(steps: steps, paragraphs: tracker.paragraphs.lineages, sentences: tracker.sentences.lineages,
                          paragraphIDs: tracker.paragraphIDs, sentenceIDs: tracker.sentenceIDs,
                          sentenceTexts: sentences)
    }
}
