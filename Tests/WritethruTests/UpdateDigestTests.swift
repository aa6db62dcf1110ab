import Foundation
import StoryDiff
import TestSupport
import Testing
import WritethruRender
@testable import Writethru

/// The one-line titles and block lines every delivery channel (feeds, hooks, posts, `changes`)
/// takes from `UpdateDigest`, on the seed chain.
@Suite struct UpdateDigestTests {
    static func seedDigests() throws -> [UpdateDigest] {
        let temp = try TemporaryArchive()
        for path in Fixtures.chain {
            _ = try temp.archive.record([try temp.input(path)], options: RecordOptions(story: talks, recordedAt: recordedAt))
        }
        return UpdateDigest.all(try temp.archive.timeline(story: talks))
    }

    @Test func titlesSayWhatEachUpdateDid() throws {
        let titles = try Self.seedDigests().map(\.title)
        #expect(titles == [
            "v1: Top U.S., China diplomats to meet in Alaska next week",
            "UPDATE 1: adds 3 claims; removes 1 claim; 4 other changes",
            "UPDATE 2: March 19 → March 18; new headline; adds 8 claims; 1 undeclared",
            "UPDATE 3: as many as 1 million Uighurs → more than a million Uighurs; new headline; adds 5 claims",
            "UPDATE 4: said → confirmed; adds 1 claim; 4 other changes",
        ])
        #expect(titles.allSatisfy { $0.count <= UpdateDigest.titleLimit })
    }

    @Test func linesAreTheTimelineBlockWithTheirKinds() throws {
        let digests = try Self.seedDigests()
        #expect(digests[0].lines.map(\.kind) == [.headline, .stats])
        #expect(digests[0].isFirst && digests[0].findings == 0)
        let second = digests[2]
        #expect(second.previousHeadline == "Top U.S., China diplomats to meet in Alaska next week")
        #expect(second.lines.map(\.kind) == [.headline, .advisory, .stats, .change, .change, .change, .change, .change,
                                             .more, .found, .undeclared])
        #expect(second.lines.last?.text == "UNDECLARED ¶1 date-changed: date changed (March 19 -> March 18)")
        #expect(second.findings == 1)
        #expect(second.shown.count == TimelineReport.shownChanges)
    }

    @Test func aLongPhraseIsCutAtAWord() {
        let cut = UpdateDigest.cut("Top diplomats of the United States and China to hold their first talks", to: 30)
        #expect(cut == "Top diplomats of the United…")
        #expect(cut.count <= 30)
        #expect(UpdateDigest.cut("Short", to: 30) == "Short")
    }
}
