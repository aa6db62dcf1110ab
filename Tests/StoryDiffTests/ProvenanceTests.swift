import StoryDiff
import StoryText
import Testing

/// Identities across the seed chain (seeds/README.md lists every edit) and across chains
/// built from it where text is removed and comes back.
@Suite struct TimelineTests {
    static func chain() throws -> [VersionText] { try (1...5).map { VersionText(paragraphs: try seedParagraphs($0)) } }

    @Test func eachStepsClaimsAreThoseOfTheClaimsCommand() throws {
        let texts = try Self.chain()
        let provenance = ProvenanceTracker.trace(texts)
        #expect(provenance.steps.count == 4)
        for (index, step) in provenance.steps.enumerated() {
            let old = texts[index].paragraphs
            let new = texts[index + 1].paragraphs
            #expect(step.diff == ParagraphAligner.diff(old: old, new: new))
            #expect(step.claims == SentenceAligner.claimChanges(step.diff, old: old, new: new))
        }
    }

    @Test func everySentenceOfEveryVersionHasOneIdentity() throws {
        let texts = try Self.chain()
        let provenance = ProvenanceTracker.trace(texts)
        for (index, text) in texts.enumerated() {
            let ids = provenance.sentenceIDs[index]
            #expect(ids.map(\.count) == text.paragraphs.map { SentenceSegmenter.sentences($0).count })
            let flat = ids.flatMap { $0 }
            #expect(Set(flat).count == flat.count, "version \(index + 1) uses an identity twice")
            #expect(Set(provenance.paragraphIDs[index]).count == text.paragraphs.count)
            for (k, row) in ids.enumerated() {
                for (s, id) in row.enumerated() {
                    let lineage = provenance.sentences[id]
                    #expect(lineage.events.last { $0.version <= index + 1 && $0.after != nil }?.after
                            == SentenceSegmenter.sentences(text.paragraphs[k])[s])
                }
            }
        }
    }

    @Test func blameOfUpdate4NamesTheVersionsThatWroteEachParagraph() throws {
        let provenance = ProvenanceTracker.trace(try Self.chain())
        let blame = provenance.paragraphBlame(version: 5)
        let texts = try seedParagraphs(5)
        func blamed(_ prefix: String) throws -> Blame {
            let index = try #require(texts.firstIndex { $0.hasPrefix(prefix) }, "no paragraph \(prefix)")
            return blame[index]
        }
        // Lead: in v1, recast in UPDATE 1, date changed (undeclared) in UPDATE 2.
        #expect(try blamed("U.S. Secretary of State Antony Blinken") == Blame(id: 0, introduced: 1, lastChanged: 3, reintroduced: nil))
        // Moved in UPDATE 2 but never reworded.
        let talks = try blamed("The talks will follow the visit")
        #expect((talks.introduced, talks.lastChanged) == (1, 1))
        // Psaki quote: added in UPDATE 1.
        let psaki = try blamed("She said the meeting would be")
        #expect((psaki.introduced, psaki.lastChanged) == (2, 2))
        // Said -> confirmed in UPDATE 4, added in UPDATE 3.
        let confirmed = try blamed("China's foreign ministry on Thursday confirmed")
        #expect((confirmed.introduced, confirmed.lastChanged) == (4, 5))
        // Split off in UPDATE 3 from a paragraph of the original: its text is from v1.
        let split = try blamed("President Joe Biden's administration")
        #expect((split.introduced, split.lastChanged) == (1, 4))
        let zhao = try blamed("Commenting on the talks")
        #expect((zhao.introduced, zhao.lastChanged) == (5, 5))
    }

    @Test func theUighurFigureKeepsItsIdentityThroughTheChangeAndTheMerge() throws {
        let provenance = ProvenanceTracker.trace(try Self.chain())
        let lineage = try #require(provenance.sentences.first { $0.events.first?.after?.hasPrefix("U.N. experts and rights groups say") == true })
        #expect(lineage.origin == 3)
        #expect(lineage.events.map(\.kind) == [.introduced, .changed, .merged])
        let change = try #require(lineage.events.first { $0.kind == .changed })
        #expect(change.version == 4)
        #expect(change.claims.contains { $0.kind == .quantityChanged && $0.from == "as many as 1 million Uighurs" && $0.to == "more than a million Uighurs" })
        // The scrape glued it to the sentence before it in UPDATE 4: merged into that one.
        let merged = try #require(lineage.events.last)
        #expect(merged.after == nil)
        #expect(provenance.sentences[merged.related[0]].events.last?.after?.contains("experts and rights groups say China has detained more than a million") == true)
    }

    @Test func aRemovedSentenceThatComesBackIsReintroducedNotNew() throws {
        let original = try seedParagraphs(1)
        let update1 = try seedParagraphs(2)
        let removed = "The State Department did not immediately respond to a request for comment on the agenda."
        #expect(original.contains(removed) && !update1.contains(removed))
        // UPDATE 1, then UPDATE 1 with the removed paragraph back, slightly reworded, at the end.
        let back = "The State Department did not immediately respond on Wednesday to a request for comment on the agenda."
        let texts = [VersionText(paragraphs: original), VersionText(paragraphs: update1), VersionText(paragraphs: update1 + [back])]
        let provenance = ProvenanceTracker.trace(texts)
        let paragraph = try #require(provenance.paragraphIDs[2].last)
        #expect(paragraph == provenance.paragraphIDs[0][original.firstIndex(of: removed) ?? -1])
        #expect(provenance.paragraphs[paragraph].events.map(\.kind) == [.introduced, .removed, .reintroduced])
        #expect(provenance.paragraphBlame(version: 3).last == Blame(id: paragraph, introduced: 1, lastChanged: 3, reintroduced: 3))
        let sentence = try #require(provenance.sentences.first { $0.events.first?.after == removed })
        #expect(sentence.events.map(\.kind) == [.introduced, .removed, .reintroduced])
        #expect(sentence.events.last?.before == removed)
        #expect(sentence.events.last?.after == back)
        #expect(provenance.sentenceIDs[2].last == [sentence.id])
    }

    @Test func newTextUnlikeAnythingRemovedStartsANewIdentity() throws {
        let original = try seedParagraphs(1)
        let update1 = try seedParagraphs(2)
        let texts = [VersionText(paragraphs: original), VersionText(paragraphs: update1),
                     VersionText(paragraphs: update1 + ["Officials in Beijing declined to comment on the Anchorage agenda."])]
        let provenance = ProvenanceTracker.trace(texts)
        let last = try #require(provenance.paragraphBlame(version: 3).last)
        #expect((last.introduced, last.lastChanged, last.reintroduced) == (3, 3, nil))
    }

    @Test func aMergeTakesTheEarliestOriginOfItsPieces() throws {
        let first = ["Officials from both countries will meet in Anchorage on Thursday.", "The talks are expected to last two days."]
        let second = first + ["The State Department declined to say who else would attend the talks in Anchorage."]
        let third = [second[0], second[1] + " " + second[2]]
        let provenance = ProvenanceTracker.trace([VersionText(paragraphs: first), VersionText(paragraphs: second),
                                                  VersionText(paragraphs: third)])
        #expect(provenance.steps[1].diff.count(.merged) == 1)
        let merged = provenance.paragraphBlame(version: 3)[1]
        #expect((merged.introduced, merged.lastChanged) == (1, 3))
    }

    @Test func emptyAndSingleVersionStoriesHaveNoSteps() {
        #expect(ProvenanceTracker.trace([]).versionCount == 0)
        let one = ProvenanceTracker.trace([VersionText(paragraphs: ["Only one version was filed."])])
        #expect(one.steps.isEmpty)
        #expect(one.paragraphBlame(version: 1) == [Blame(id: 0, introduced: 1, lastChanged: 1, reintroduced: nil)])
    }
}
