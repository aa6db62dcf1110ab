import Foundation
import GitStore
import Testing
@testable import Writethru
import SQLiteStore

/// A `record` of many revisions stages them in memory and writes one pack per chunk.
@Suite struct PackedBatchTests {
    /// Three stories, eight versions each, interleaved as a feed would deliver them, with one
    /// repeat that must come out unchanged.
    private func feed() -> [InputFile] {
        var inputs: [InputFile] = []
        for version in 1...8 {
            for story in ["alpha", "bravo", "charlie"] {
                let text = "\(story.capitalized) story headline\n\nUpdated 2024-03-0\(version)T10:00:00Z\n\n"
                    + "The \(story) paragraph says \(version * 11) things happened.\n\nA second paragraph.\n"
                inputs.append(InputFile(name: "\(story)-\(version).txt", bytes: Array(text.utf8)))
            }
        }
        inputs.append(inputs[inputs.count - 1])
        return inputs
    }

    /// An import run with the feed read and staged, its pack not yet written.
    private func stagedImport(in temp: TemporaryArchive) throws -> (RecordingRun, DerivedIndex) {
        let index = try temp.archive.derivedIndex()
        let reading = temp.archive.config.reading
        let checked = try feed().map { input in
            try CheckedInput(reading: RecordItem(input: input), format: nil, options: reading, furniture: index)
        }
        let run = RecordingRun(archive: temp.archive, options: RecordOptions(recordedAt: recordedAt), index: index,
                               skipRecorded: true, packed: true)
        try run.add(checked, readAt: index.furnitureGeneration)
        return (run, index)
    }

    @Test func manyRevisionsGoIntoOnePackAndEveryBranchMoves() throws {
        let temp = try TemporaryArchive()
        let outcomes = try temp.record(feed())
        #expect(outcomes.count == 25)
        #expect(outcomes.filter { $0.status == .recorded }.count == 24)
        #expect(outcomes.last?.status == .unchanged)
        #expect(outcomes.last?.commit == outcomes[outcomes.count - 2].commit)
        let stories = try temp.archive.stories()
        #expect(stories.map(\.story.value) == ["alpha-story-headline", "bravo-story-headline", "charlie-story-headline"])
        #expect(stories.map(\.versions) == [8, 8, 8])
        let packs = try FileManager.default.contentsOfDirectory(atPath: temp.path + "/objects/pack").filter { $0.hasSuffix(".pack") }
        #expect(packs.count == 1)
        let loose = try FileManager.default.contentsOfDirectory(atPath: temp.path + "/objects")
            .filter { $0.count == 2 && $0 != "pa" }
        // Only the objects of `init` (three template blobs, a tree, a commit) are loose.
        let looseCount = try loose.reduce(0) { $0 + (try FileManager.default.contentsOfDirectory(atPath: temp.path + "/objects/" + $1).count) }
        #expect(looseCount == 5)
        let versions = try temp.archive.versions(of: try StoryID(validating: "bravo-story-headline"))
        #expect(versions.map(\.number) == Array(1...8))
        #expect(try temp.archive.article(of: versions[4]).contains("55 things"))
    }

    @Test func packsAreValidForGit() throws {
        let temp = try TemporaryArchive()
        _ = try temp.record(feed())
        let fsck = Process()
        fsck.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        fsck.arguments = ["git", "--git-dir", temp.path, "fsck", "--strict", "--no-dangling"]
        try fsck.run()
        fsck.waitUntilExit()
        #expect(fsck.terminationStatus == 0)
    }

    /// The bulk path builds objects itself; the same run written one revision at a time goes
    /// through libgit2. Both must give every revision the same commit, byte for byte: a byline
    /// whose end libgit2 trims, non-ASCII names and text (RepositoryTests checks zones and
    /// parents).
    @Test func bulkAndSingleRecordsWriteTheSameCommits() throws {
        var inputs = feed()
        for version in 1...3 {
            let text = "Zoë’s café story\n\nBy Zoë Ångström and Jo Smith;\n\nUpdated 2024-03-0\(version)T23:30:00-05:00\n\n"
                + "WASHINGTON, March \(version) (Reuters) - Ångström said \(version * 7) things.\n"
            inputs.append(InputFile(name: "zoe-\(version).html.txt", bytes: Array(text.utf8)))
        }
        // Control characters, a NUL among them, where git keeps C strings: they read as spaces.
        let nul = #"{"story": "nul-story", "headline": "Head\u0000line\u0007", "byline": "By Jo\u0000 Smith", "url": "https://example.com/a\u0000b ", "body": "A\u0000B text.\fMore."}"#
        inputs.append(InputFile(name: "nul.json", bytes: Array(nul.utf8)))
        let bulk = try TemporaryArchive()
        let bulkOutcomes = try bulk.record(inputs)
        #expect(bulkOutcomes.count >= Archive.packedBatchThreshold, "the bulk path is taken")
        let single = try TemporaryArchive()
        let singleOutcomes = try single.archive.record(inputs, options: RecordOptions(recordedAt: recordedAt),
                                                       packed: false)
        #expect(bulkOutcomes == singleOutcomes)
        #expect(!bulkOutcomes.contains { $0.commit == .zero })
        for story in try bulk.archive.stories().map(\.story) {
            #expect(try bulk.archive.tip(of: story) == single.archive.tip(of: story))
        }
        #expect(try bulk.archive.stories().map(\.story.value).last == "zoes-cafe-story")
        let withNUL = try #require(bulkOutcomes.last)
        let commit = try bulk.archive.repository.commit(withNUL.commit.object)
        #expect(commit.message == "Head line\n\nStory: nul-story\nVersion: 1\nUpdated: 2025-11-24T16:00:00Z\nSource: https://example.com/ab\n")
        #expect(commit.author.name == "Jo Smith")
        let zoe = try #require(bulkOutcomes.dropLast().last)
        let author = try bulk.archive.repository.commit(zoe.commit.object).author
        #expect((author.name, author.offsetMinutes) == ("Zoë Ångström, Jo Smith", 0))
    }

    /// An import meeting an input again within one chunk calls it `already-recorded` and names
    /// the commit the chunk built for its first copy.
    @Test func aRepeatWithinAChunkNamesTheCommitOfItsFirstCopy() throws {
        let temp = try TemporaryArchive()
        var plan = ImportPlan()
        for input in feed() {
            plan.items.append(ImportItem(name: input.name, story: nil, fallbackTime: nil) { input })
        }
        var outcomes: [RecordOutcome] = []
        let summary = try temp.archive.importRevisions(plan, recordedAt: recordedAt,
                                                       outcome: { outcomes.append($0) })
        #expect(summary.count(.recorded) == 24)
        let repeated = try #require(outcomes.last)
        #expect(repeated.status == .alreadyRecorded)
        #expect(repeated.commit == outcomes[23].commit)
        #expect(repeated.version == 8)
        #expect(!outcomes.contains { $0.commit == .zero })
    }

    /// Two imports of the same inputs at once: the one that loses the race for the branches
    /// finds that the winner recorded its inputs and records nothing twice.
    @Test func anImportThatLosesTheRaceSkipsWhatTheWinnerRecorded() throws {
        let temp = try TemporaryArchive()
        let (loser, _) = try stagedImport(in: temp)
        // Meanwhile another import records the same inputs and moves every branch first.
        var plan = ImportPlan()
        for input in feed() { plan.items.append(ImportItem(name: input.name, story: nil, fallbackTime: nil) { input }) }
        var won: [RecordOutcome] = []
        let winner = try temp.archive.importRevisions(plan, recordedAt: recordedAt.addingTimeInterval(60),
                                                      outcome: { won.append($0) })
        #expect(winner.count(.recorded) == 24)
        let outcomes = try loser.finish()
        #expect(outcomes.map(\.status) == Array(repeating: .alreadyRecorded, count: 25))
        #expect(outcomes.map(\.commit) == won.map(\.commit))
        #expect(outcomes.map(\.version) == won.map(\.version))
        #expect(try temp.archive.stories().map(\.versions) == [8, 8, 8])
    }

    /// A run given up before its pack is written (an error, Ctrl-C) leaves no line in the
    /// derived index for the revisions it had staged: the index never names what the archive
    /// does not hold.
    @Test func anAbandonedRunLeavesTheDerivedIndexAsItWas() throws {
        let temp = try TemporaryArchive()
        func indexRows() throws -> Int {
            try temp.archive.derivedIndex().read { (database: Database) throws(SQLiteError) -> Int in
                var rows = 0
                for table in ["story", "version", "sentence", "identity", "furniture"] {
                    let statement = try database.prepare("SELECT count(*) FROM \(table)")
                    if try statement.step() { rows += statement.int(0) }
                }
                return rows
            }
        }
        let before = try indexRows()
        let (run, index) = try stagedImport(in: temp)
        #expect(!index.identityStories(key: "headline alpha story headline").isEmpty,
                "staged revisions are known in memory")
        run.abandon()
        try temp.archive.flush(index)
        #expect(try indexRows() == before)
        #expect(try temp.archive.stories().isEmpty)
    }
}

