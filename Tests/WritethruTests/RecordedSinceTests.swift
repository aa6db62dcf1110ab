import Foundation
import TestSupport
import Testing
@testable import Writethru

/// `changes` finds what was recorded since a time from the derived index's story rows alone:
/// the recording time kept as each revision is recorded must be the one a rebuilt index reads
/// back from git, and an archive-wide feed reads stories newest first.
@Suite struct RecordedSinceTests {
    @Test func recordingTimesFromTheRecordAndFromARebuiltIndexAgree() throws {
        let temp = try TemporaryArchive()
        let base = Date(timeIntervalSince1970: 1_764_000_000)
        // The seed chain recorded an hour apart; a second story in between.
        for (n, path) in Fixtures.chain.enumerated() {
            _ = try temp.archive.record([try temp.input(path)],
                                        options: RecordOptions(story: talks, recordedAt: base + Double(n) * 3_600))
        }
        let other = try StoryID(validating: "quad-summit")
        _ = try temp.archive.record([InputFile(name: "quad.txt", bytes: Array(
            "Quad leaders to hold first summit\n\nLeaders of the Quad will meet online on Friday.\n".utf8))],
            options: RecordOptions(story: other, recordedAt: base + 2.5 * 3_600))
        let since = base + 2 * 3_600
        let expected = [RecentlyRecorded(story: talks, recorded: base + 4 * 3_600),
                        RecentlyRecorded(story: other, recorded: base + 2.5 * 3_600)]
        #expect(try temp.archive.storiesRecorded(since: since) == expected)
        #expect(try temp.archive.storiesRecorded(since: base + 5 * 3_600).isEmpty)
        for suffix in ["", "-wal", "-shm"] { unlink(temp.path + "/writethru-index.sqlite" + suffix) }
        let reopened = try Archive.open(at: temp.path)
        #expect(try reopened.storiesRecorded(since: since) == expected)
        // Newest version first: the seed chain's versions are dated 2021, the summit's by its
        // recording time (it gives none of its own).
        #expect(try reopened.storiesByNewestVersion().map(\.story) == [other, talks])
        #expect(try reopened.storiesByNewestVersion().last?.newest == Timestamp.parse("2021-03-11T18:18:00Z"))
    }
}
