import Foundation
import GitStore
import StoryText
import Testing
@testable import Writethru

extension TemporaryArchive {
    func record(_ inputs: [InputFile], story: StoryID? = nil, match: Bool = false,
                at recorded: Date = recordedAt) throws -> [RecordOutcome] {
        try archive.record(inputs, options: RecordOptions(story: story, recordedAt: recorded, matchSimilar: match))
    }
}

private func json(_ name: String, _ object: [String: Any]) -> InputFile {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return InputFile(name: name, bytes: Array(data))
}

private func text(_ name: String, _ body: String) -> InputFile {
    InputFile(name: name, bytes: Array(body.utf8))
}

@Suite struct IdentityTests {
    @Test func jsonLinesRecordAChainWithEachLineAsEvidence() throws {
        let temp = try TemporaryArchive()
        let input = try temp.input("Tests/StoryTextTests/Fixtures/json/chain.jsonl")
        let outcomes = try temp.record([input])
        #expect(outcomes.map(\.story.value) == ["airline-strike", "airline-strike", "airline-strike"])
        #expect(outcomes.map(\.match) == [.input, .input, .input])
        #expect(outcomes.map(\.version) == [1, 2, 3])
        #expect(outcomes.map(\.line) == [1, 2, 4])
        let latest = try #require(outcomes.last?.commit)
        let files = try temp.archive.repository.files(inCommit: latest.object)
        #expect(files.keys.sorted() == ["article.md", "meta.json", "source/chain.jsonl.line-4"])
        let meta = try temp.archive.meta(of: latest.object)
        #expect(meta.input.format == "json")
        #expect(meta.input.line == 4)
        #expect(meta.advisoryItems == [AdvisoryItem(verb: "add", object: "company statement", paragraphs: [3])])
    }

    @Test func sameURLJoinsTheStoryEvenWhenTheHeadlineChanges() throws {
        let temp = try TemporaryArchive()
        let first = json("a.json", ["headline": "Storm nears coast", "url": "https://example.com/storm#top",
                                    "body": "The storm neared the coast.", "updated": "2024-09-14T06:00:00Z"])
        let second = json("b.json", ["headline": "UPDATE 1-Storm hits coast, floods towns", "url": "https://EXAMPLE.com/storm/",
                                     "body": "The storm hit the coast.", "updated": "2024-09-14T09:00:00Z"])
        let outcomes = try temp.record([first])
        let again = try temp.record([second])
        #expect(outcomes.map(\.match) == [.new])
        #expect(again.map(\.match) == [.url])
        #expect(again.first?.story == outcomes.first?.story)
        #expect(again.first?.version == 2)
    }

    @Test func sameHeadlineJoinsOnlyARecentStory() throws {
        let temp = try TemporaryArchive()
        let day1 = text("d1.txt", "MIDEAST STOCKS-Gulf markets mixed\n\nUpdated 2024-05-01T08:00:00Z\n\nDubai rose 0.5%.\n")
        let day1Later = text("d1b.txt", "UPDATE 1-MIDEAST STOCKS-Gulf markets mixed\n\nUpdated 2024-05-01T12:00:00Z\n\nDubai rose 0.7%.\n")
        let nextWeek = text("d8.txt", "MIDEAST STOCKS-Gulf markets mixed\n\nUpdated 2024-05-08T08:00:00Z\n\nAbu Dhabi fell 0.2%.\n")
        let outcomes = try temp.record([day1, day1Later, nextWeek])
        #expect(outcomes.map(\.story.value) == ["mideast-stocks-gulf-markets-mixed", "mideast-stocks-gulf-markets-mixed",
                                                "mideast-stocks-gulf-markets-mixed-2"])
        #expect(outcomes.map(\.match) == [.new, .headline, .new])
    }

    @Test func matchFindsARecentStoryByItsFirstParagraphs() throws {
        let temp = try TemporaryArchive()
        let lead = "Rescuers pulled 14 survivors from the rubble of a collapsed apartment block on Monday, officials said, as the search went on through the night."
        let first = text("a.txt", "Building collapses in capital\n\nUpdated 2024-02-05T10:00:00Z\n\n\(lead)\n\nThe cause was not known.\n")
        let second = text("b.txt", "Rescuers search rubble after deadly collapse\n\nUpdated 2024-02-05T14:00:00Z\n\n\(lead)\n\nThe cause was not known, the mayor said.\n")
        _ = try temp.record([first])
        let without = try temp.record([second])
        #expect(without.map(\.match) == [.new])
        let temp2 = try TemporaryArchive()
        _ = try temp2.record([first])
        let with = try temp2.record([second], match: true)
        #expect(with.map(\.match) == [.similarity])
        #expect(with.first?.story.value == "building-collapses-in-capital")
    }

    @Test func anInvalidStoryFieldIsRefusedBeforeAnythingIsWritten() throws {
        let temp = try TemporaryArchive()
        let before = temp.snapshot()
        let good = json("good.json", ["headline": "Fine", "body": "Text."])
        let bad = json("bad.json", ["headline": "Bad", "body": "Text.", "story": "../../etc"])
        #expect(throws: WritethruError.self) { try temp.record([good, bad]) }
        #expect(temp.snapshot().filter { !$0.hasPrefix("writethru") } == before.filter { !$0.hasPrefix("writethru") })
        #expect(try temp.archive.stories().isEmpty)
    }
}

@Suite struct LearningTests {
    /// A promo paragraph that no rule knows, printed under five different stories.
    static let promo = "Get the Morning Briefing: the five stories you need to know, in your inbox every weekday."

    private func story(_ n: Int) -> InputFile {
        text("s\(n).txt", "Story number \(n) happens\n\nUpdated 2024-01-0\(n)T08:00:00Z\n\nParagraph unique to story \(n).\n\n\(Self.promo)\n")
    }

    @Test func aParagraphInFiveStoriesBecomesFurniture() throws {
        let temp = try TemporaryArchive()
        _ = try temp.record((1...5).map(story))
        for version in try temp.archive.stories() {
            #expect(try temp.archive.article(of: try temp.archive.version(nil, of: version.story)).contains("Morning Briefing"))
        }
        let outcome = try temp.record([story(6)])
        let meta = try temp.archive.meta(of: try #require(outcome.first?.commit.object))
        #expect(meta.removed == [RemovedText(text: Self.promo, rule: "learned")])
        #expect(!(try temp.archive.article(at: try #require(outcome.first?.commit.object))).contains("Morning Briefing"))
    }

    @Test func theIndexIsRebuiltFromTheStoriesWhenMissing() throws {
        let temp = try TemporaryArchive()
        _ = try temp.record((1...5).map(story))
        for suffix in ["", "-wal", "-shm"] { unlink(temp.path + "/writethru-index.sqlite" + suffix) }
        let reopened = try Archive.open(at: temp.path)
        let outcome = try reopened.record([story(6)], options: RecordOptions(recordedAt: recordedAt))
        #expect(try reopened.meta(of: try #require(outcome.first?.commit.object)).removed.map(\.rule) == ["learned"])
        #expect(try reopened.derivedIndex().isBuilt)
        #expect(try reopened.stories().count == 6)
    }
}
