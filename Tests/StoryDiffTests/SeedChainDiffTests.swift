import StoryDiff
import StoryText
import TestSupport
import Testing
import Writethru

/// The body paragraphs of version `n` (1-based) of the seed chain, as the reader gives them.
func seedParagraphs(_ n: Int) throws -> [String] {
    try RevisionReader.readOne(try Fixtures.bytes(Fixtures.chain[n - 1]), options: ArchiveConfig.standard.reading).paragraphs
}

func ops(_ diff: ParagraphDiff, _ kind: ParagraphOp.Kind) -> [ParagraphOp] { diff.ops.filter { $0.kind == kind } }

/// Every change built into the seed chain (seeds/README.md) comes out as the right kind.
@Suite struct SeedChainDiffTests {
    @Test func originalToUpdate1RemovesRewritesAndAddsAQuote() throws {
        let diff = ParagraphAligner.diff(old: try seedParagraphs(1), new: try seedParagraphs(2))
        let removed = ops(diff, .removed).map { $0.words.map(\.text).joined() }
        #expect(removed == ["The State Department did not immediately respond to a request for comment on the agenda."])
        let lead = try #require(diff.ops.first { $0.old == [1] })
        #expect(lead.kind == .changed)
        #expect(lead.words.contains { $0.kind == .insert && $0.text.contains("first high-level in-person contact") })
        #expect(ops(diff, .added).contains { $0.words.first?.text.hasPrefix("She said the meeting would be \"an opportunity") == true })
    }

    @Test func update1ToUpdate2MovesAParagraphAndChangesTheDateUndeclared() throws {
        let diff = ParagraphAligner.diff(old: try seedParagraphs(2), new: try seedParagraphs(3))
        let moved = ops(diff, .moved)
        #expect(moved.count == 1)
        #expect(moved.first?.words.first?.text.hasPrefix("The talks will follow the visit by Blinken") == true)
        let lead = try #require(diff.ops.first { $0.old == [1] })
        #expect(lead.kind == .changed)
        #expect(lead.words.contains { $0.kind == .delete && $0.text.contains("19") })
        #expect(lead.words.contains { $0.kind == .insert && $0.text.contains("18") })
    }

    @Test func update2ToUpdate3SplitsAParagraphAndChangesAFigure() throws {
        let diff = ParagraphAligner.diff(old: try seedParagraphs(3), new: try seedParagraphs(4))
        let split = ops(diff, .split)
        #expect(split.count == 1)
        #expect(split.first?.new.count == 2)
        #expect(split.first.map { $0.similarity > 0.9 } == true)
        // "detained as many as 1 million Uighurs" -> "detained more than a million Uighurs".
        let figure = try #require(diff.ops.first { op in op.words.contains { $0.kind == .delete && $0.text == "as many as 1 " } })
        #expect(figure.kind == .changed)
        #expect(figure.words.contains { $0.kind == .insert && $0.text == "more than a " })
    }

    @Test func update3ToUpdate4ChangesSaidToConfirmedAndAddsComment() throws {
        let diff = ParagraphAligner.diff(old: try seedParagraphs(4), new: try seedParagraphs(5))
        let confirmed = try #require(diff.ops.first { op in op.words.contains { $0.kind == .insert && $0.text.contains("confirmed") } })
        #expect(confirmed.kind == .changed)
        #expect(confirmed.words.contains { $0.kind == .delete && $0.text.contains("said") })
        #expect(ops(diff, .added).contains { $0.words.first?.text.hasPrefix("Commenting on the talks, Chinese foreign ministry spokesman Zhao Lijian") == true })
        // The scrape glued three paragraphs to the ones before them: merges, not removals.
        #expect(ops(diff, .merged).count == 3)
        #expect(ops(diff, .removed).isEmpty)
    }

    @Test(arguments: 1...4)
    func everyStepRebuildsBothVersions(step: Int) throws {
        let old = try seedParagraphs(step)
        let new = try seedParagraphs(step + 1)
        let diff = ParagraphAligner.diff(old: old, new: new)
        #expect(diff.newParagraphs == new)
        #expect(diff.oldParagraphs == old)
    }
}
