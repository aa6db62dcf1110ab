/// Stable identities for the paragraphs and sentences of every version of a story, chained
/// through the diffs of consecutive versions, with a memory of removed text so that a
/// sentence that comes back is recognised as reintroduced, not new (docs/diff/timeline.md).
public struct Provenance: Sendable {
    /// The comparison of version n - 1 with version n is `steps[n - 2]`.
    public struct Step: Sendable {
        public let diff: ParagraphDiff
        public let links: [SentenceLink]
        /// The claim changes of the step, as `SentenceAligner.claimChanges` gives them.
        public let claims: [ClaimChange]
    }

    public let steps: [Step]
    /// Every paragraph identity, indexed by id.
    public let paragraphs: [Lineage]
    /// Every sentence identity, indexed by id.
    public let sentences: [Lineage]
    /// `paragraphIDs[n - 1][k - 1]`: the identity of paragraph k of version n.
    public let paragraphIDs: [[Int]]
    /// `sentenceIDs[n - 1][k - 1][s]`: the identity of sentence s of paragraph k of version n.
    public let sentenceIDs: [[[Int]]]
    /// `sentenceTexts[n - 1][k - 1][s]`: sentence s of paragraph k of version n, as segmented.
    public let sentenceTexts: [[[String]]]

    public var versionCount: Int { paragraphIDs.count }

    /// For each paragraph of `version` (1-based), where its text came from.
    public func paragraphBlame(version: Int) -> [Blame] {
        paragraphIDs[version - 1].map { blame(paragraphs[$0], at: version) }
    }

    /// For each paragraph of `version`, for each of its sentences, where its text came from.
    public func sentenceBlame(version: Int) -> [[Blame]] {
        sentenceIDs[version - 1].map { $0.map { blame(sentences[$0], at: version) } }
    }

    private func blame(_ lineage: Lineage, at version: Int) -> Blame {
        Blame(id: lineage.id, introduced: lineage.origin, lastChanged: lineage.lastChanged(atOrBefore: version),
              reintroduced: lineage.reintroduced(atOrBefore: version))
    }
}
