import Foundation
import GitStore
import StoryText
import Testing
@testable import Writethru

/// What an import keeps for the whole run is bounded (docs/import.md, "Memory"): outcomes are
/// handed on once their chunk is written, and what the run remembers of stories and identity
/// keys is forgotten past a bound, to be answered by the branches and the derived index.
@Suite struct ImportMemoryTests {
    private func outcome(_ number: Int, status: RecordOutcome.Status = .recorded) throws -> RecordOutcome {
        RecordOutcome(file: "f\(number).txt", line: nil, story: try StoryID(validating: "story-\(number)"),
                      match: .option, version: 1, status: status, commit: CommitID.zero)
    }

    @Test func anOutcomeLogDropsWhatItReleasesAndKeepsCountingPositions() throws {
        var log = OutcomeLog()
        for number in 0..<3 { log.append(try outcome(number)) }
        let released = log.release()
        #expect(released.map(\.file) == ["f0.txt", "f1.txt", "f2.txt"])
        #expect(log.kept.isEmpty)
        #expect(log.count == 3)
        log.append(try outcome(3))
        #expect(log.count == 4)
        #expect(log[3].file == "f3.txt")
        log[3] = try outcome(4)
        #expect(log.kept.map(\.file) == ["f4.txt"])
    }

    @Test func theImportSummaryCountsOutcomesWithoutKeepingThem() throws {
        var tally = ImportTally()
        for number in 0..<4 { tally.add(try outcome(number % 2)) }
        tally.add(try outcome(7, status: .alreadyRecorded))
        tally.add(try outcome(8, status: .skipped))
        let summary = ImportSummary(tally, rejected: [])
        #expect(summary.stories == 3)
        #expect((summary.count(.recorded), summary.count(.alreadyRecorded), summary.count(.skipped)) == (4, 1, 0))
    }

    /// A prepared revision of story `story-N` (the same input and text each time).
    private func prepared(_ number: Int, read: ReadRevision, input: InputFile,
                          content: RevisionContent) throws -> PreparedRevision {
        PreparedRevision(input: input, read: read, story: try StoryID(validating: "story-\(number)"), match: .option,
                         time: recordedAt, timeSource: "input", recordedAt: recordedAt, content: content)
    }

    @Test func recordedInputsAreNamedByCommitOnceWrittenAndForgottenPastTheirBound() throws {
        let temp = try TemporaryArchive()
        let index = try temp.archive.derivedIndex()
        let input = InputFile(name: "a.txt", bytes: Array("A headline\n\nA paragraph of the story.\n".utf8))
        let checked = try CheckedInput(reading: RecordItem(input: input), format: nil,
                                       options: temp.archive.config.reading, furniture: index)
        let (read, content) = (try #require(checked.reads.first), try #require(checked.contents.first))
        var inputs = RecordedInputs()
        let first = try prepared(0, read: read, input: input, content: content)
        #expect(try inputs.version(holding: first, in: temp.archive) == nil)
        inputs.note(first, version: 1, position: 0)
        #expect(try inputs.version(holding: first, in: temp.archive)?.position == 0)
        let commit = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        inputs.settle { _ in commit }
        let settled = try #require(try inputs.version(holding: first, in: temp.archive))
        #expect((settled.position, settled.commit, settled.version) == (nil, commit, 1))
        // Past the bound, the next settle forgets every story (their branches know them).
        for number in 1...RecordedInputs.capacity {
            inputs.note(try prepared(number, read: read, input: input, content: content), version: 1, position: number)
        }
        #expect(inputs.stories == RecordedInputs.capacity + 1)
        inputs.settle { _ in commit }
        #expect(inputs.stories == 0)
    }

    @Test func theStoryIdentifierForgetsItsKeysPastItsBoundOnceTheyAreWritten() throws {
        let temp = try TemporaryArchive()
        let index = try temp.archive.derivedIndex()
        var identifier = StoryIdentifier(archive: temp.archive, index: index, matchSimilar: false)
        for number in 0..<100 {
            let revision = Revision(headline: "Headline number \(number)", paragraphs: ["A paragraph."])
            _ = try identifier.identify(revision, time: recordedAt, explicit: try StoryID(validating: "story-\(number)"),
                                        file: "f.txt")
        }
        identifier.forgetWritten()
        #expect(identifier.remembered == 100)
        for number in 100...StoryIdentifier.capacity {
            let revision = Revision(headline: "Headline number \(number)", paragraphs: ["A paragraph."])
            _ = try identifier.identify(revision, time: recordedAt, explicit: try StoryID(validating: "story-\(number)"),
                                        file: "f.txt")
        }
        #expect(identifier.remembered == StoryIdentifier.capacity + 1)
        identifier.forgetWritten()
        #expect(identifier.remembered == 0)
    }

    /// An import hands each outcome on once its chunk is written: the run keeps none of them
    /// after `finish`, and the summary's counts are those of the outcomes reported.
    @Test func anImportReportsEveryOutcomeAndKeepsNone() throws {
        let temp = try TemporaryArchive()
        var plan = ImportPlan()
        for number in 0..<20 {
            let input = InputFile(name: "s\(number).txt", bytes: Array(
                "Story \(number) headline\n\nUpdated 2024-03-01T10:00:00Z\n\nParagraph \(number).\n".utf8))
            plan.items.append(ImportItem(name: input.name, story: nil, fallbackTime: nil) { input })
        }
        plan.items.append(plan.items[3])
        var heard: [RecordOutcome] = []
        let summary = try temp.archive.importRevisions(plan, recordedAt: recordedAt, outcome: { heard.append($0) })
        #expect(heard.count == 21)
        #expect(heard.map(\.file) == plan.items.map(\.name))
        #expect((summary.stories, summary.count(.recorded), summary.count(.alreadyRecorded)) == (20, 20, 1))
        #expect(!heard.contains { $0.commit == CommitID.zero })
    }
}
