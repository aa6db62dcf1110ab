import Foundation
import StoryText
import Testing
@testable import Writethru

/// meta.json keeps the publication time in the offset the page stated (docs/storage.md).
@Suite struct PublishedOffsetTests {
    private func page(_ published: String) -> InputFile {
        let html = #"<html><head><meta property="article:published_time" content=""# + published + #"">"#
            + "<title>Storm floods coastal towns</title></head><body><article><p>Officials said the storm had"
            + " passed by Tuesday morning.</p></article></body></html>"
        return InputFile(name: "storm.html", bytes: Array(html.utf8))
    }

    @Test func publishedKeepsThePagesOffsetAndTheInstantStays() throws {
        let temp = try TemporaryArchive()
        let story = try StoryID(validating: "storm")
        let outcome = try temp.archive.record([page("2019-11-19T20:59:46-06:00")],
                                              options: RecordOptions(story: story, revisionTime: nil, recordedAt: recordedAt))
        let meta = try temp.archive.meta(of: try #require(outcome.first?.commit).object)
        // In UTC the story would be dated the 20th; its readers saw the 19th.
        #expect(meta.published == "2019-11-19T20:59:46-06:00")
        #expect(meta.published.flatMap(Timestamp.parse) == Timestamp.parse("2019-11-20T02:59:46Z"))
        #expect(meta.updated == "2019-11-20T02:59:46Z")
    }

    @Test func aUTCTimeIsWrittenAsBefore() throws {
        let temp = try TemporaryArchive()
        let story = try StoryID(validating: "storm")
        let outcome = try temp.archive.record([page("2019-11-20T02:59:46+00:00")],
                                              options: RecordOptions(story: story, revisionTime: nil, recordedAt: recordedAt))
        let meta = try temp.archive.meta(of: try #require(outcome.first?.commit).object)
        #expect(meta.published == "2019-11-20T02:59:46Z")
    }

    @Test func oldMetaWithAUTCPublishedStillReads() throws {
        let temp = try TemporaryArchive()
        let story = try StoryID(validating: "storm")
        let outcome = try temp.archive.record([page("2019-11-19T20:59:46-06:00")],
                                              options: RecordOptions(story: story, revisionTime: nil, recordedAt: recordedAt))
        var meta = try temp.archive.meta(of: try #require(outcome.first?.commit).object)
        meta.published = "2019-11-20T02:59:46Z"
        #expect(try RevisionMeta.decode(meta.encoded()).published == "2019-11-20T02:59:46Z")
    }
}
