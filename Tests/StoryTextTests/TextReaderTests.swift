import Foundation
import StoryText
import TestSupport
import Testing
import Writethru

/// The reading settings every new archive starts with (repo-template/writethru.json).
let standard = ArchiveConfig.standard.reading

private let utc = TimeZone(identifier: "UTC") ?? .current

private func date(_ iso: String) -> Date? { try? Date(iso, strategy: .iso8601) }

@Suite struct TextReaderTests {
    @Test func seedPageReadsItsWireMetadata() throws {
        let revision = try RevisionReader.readOne(try Fixtures.bytes(Fixtures.chain[4]), options: standard)
        #expect(revision.tag == "UPDATE 4")
        #expect(revision.headline == "Top U.S., China diplomats to hold first in-person talks of Biden presidency")
        #expect(revision.advisory?.text == "(Adds Chinese confirmation of talks, comment)")
        #expect(revision.byline == "By Michael Martina and David Brunnstrom")
        #expect(revision.authors == ["Michael Martina", "David Brunnstrom"])
        #expect(revision.dateline == Dateline(place: "WASHINGTON", date: "March 10", agency: "Reuters"))
        #expect(revision.published == date("2021-03-11T06:06:00Z"))
        #expect(revision.updated == date("2021-03-11T18:18:00Z"))
        #expect(revision.paragraphs.first?.hasPrefix("U.S. Secretary of State Antony Blinken will meet") == true)
        #expect(revision.removed.map(\.rule) == [
            "promo-discount", "call-to-action", "copyright", "third-party-ad", "third-party-ad", "comments-section",
        ] + Array(repeating: "comments-section (after)", count: 6))
        let body = revision.paragraphs.joined(separator: "\n")
        for furniture in ["ProPicks", "40% Off", "3rd party Ad", "Latest comments", "Risk Disclosure", "Fusion Media", "©"] {
            #expect(!body.contains(furniture), "the body still holds \(furniture)")
        }
        #expect(revision.paragraphs.count == 16)
        #expect(revision.paragraphs.last?.hasSuffix("then nothing positive will come of this meeting,\" Glaser said.") == true)
    }

    @Test func untaggedFirstVersionFindsTheHeadlineAboveItsTimes() throws {
        let revision = try RevisionReader.readOne(try Fixtures.bytes(Fixtures.chain[0]), options: standard)
        #expect(revision.tag == nil)
        #expect(revision.headline == "Top U.S., China diplomats to meet in Alaska next week")
        #expect(revision.advisory == nil)
        #expect(revision.authors == ["Michael Martina"])
        #expect(revision.updated == nil)
        #expect(revision.published == date("2021-03-11T06:06:00Z"))
    }

    @Test(arguments: zip(Fixtures.chain, [nil, "UPDATE 1", "UPDATE 2", "UPDATE 3", "UPDATE 4"]))
    func everyVersionOfTheChainHasItsTag(path: String, tag: String?) throws {
        let revision = try RevisionReader.readOne(try Fixtures.bytes(path), options: standard)
        #expect(revision.tag == tag)
        #expect(revision.dateline?.place == "WASHINGTON")
        #expect(revision.paragraphs.count >= 4)
    }

    @Test func plainHeadlineThenParagraphs() throws {
        let text = "Quake hits coastal town\n\nAt least 12 people were killed, officials said.\n\nRescue teams\nreached the area\nby nightfall.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.headline == "Quake hits coastal town")
        #expect(revision.paragraphs == ["At least 12 people were killed, officials said.",
                                        "Rescue teams reached the area by nightfall."])
        #expect(revision.removed.isEmpty)
    }

    @Test func creditsAndCrlfAreHandled() throws {
        let text = "RPT-Markets fall\r\n\r\nLONDON (Reuters) - Shares fell.\r\n\r\n(Reporting by Jane Doe; Editing by John Roe)\r\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.tag == "RPT")
        #expect(revision.dateline == Dateline(place: "LONDON", date: nil, agency: "Reuters"))
        #expect(revision.paragraphs == ["Shares fell."])
        #expect(revision.credits == ["(Reporting by Jane Doe; Editing by John Roe)"])
    }

    @Test func monthFirstDatesFollowTheOption() throws {
        let text = "Headline here\nUpdated 11/03/2021, 06:18 pm\n\nBody.\n"
        let options = ReadingOptions(dateOrder: .monthDayYear, timeZone: utc)
        #expect(try RevisionReader.readOne(Array(text.utf8), options: options).updated == date("2021-11-03T18:18:00Z"))
    }

    @Test func markdownHasHeadlineThenParagraphs() {
        let revision = Revision(headline: "H", paragraphs: ["One.", "Two."])
        #expect(ArticleMarkdown.render(revision) == "# H\n\nOne.\n\nTwo.\n")
    }
}

@Suite struct InputTextTests {
    @Test func refusesEmptyBinaryAndInvalidUTF8() {
        #expect(throws: ReadingError.empty) { try InputText.decode([]) }
        #expect(throws: ReadingError.empty) { try InputText.decode(Array(" \n\r\n\t".utf8)) }
        #expect(throws: ReadingError.binary) { try InputText.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]) }
        // "Headl", then the lead byte of "é" cut off by 0xFF: offset 5 is the first bad byte.
        #expect(throws: ReadingError.invalidUTF8(offset: 5)) { try InputText.decode(Array("Headl\u{e9}".utf8.prefix(6)) + [0xFF, 0x41]) }
        #expect(throws: ReadingError.invalidUTF8(offset: 3)) { try InputText.decode(Array("abc".utf8) + [0xFF]) }
    }

    @Test func dropsByteOrderMarkAndNormalisesLineEnds() throws {
        #expect(try InputText.decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc".utf8)) == "a\nb\nc")
    }

    @Test func invalidOffsetCountsTheMark() {
        #expect(throws: ReadingError.invalidUTF8(offset: 4)) { try InputText.decode([0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28]) }
    }
}

@Suite struct SpacingTests {
    @Test func unusualSpacesCollapseAndOtherCharactersSurvive() throws {
        let text = "Head\u{00A0}line  with\ttabs\n\n\u{FEFF}“Quoted”\u{200B} text\u{00A0}\u{00A0}here, café — done.\u{00A0}\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.headline == "Head line with tabs")
        #expect(revision.paragraphs == ["“Quoted” text here, café — done."])
    }

    /// Control characters read as spaces wherever they are: in the text, and in the JSON
    /// fields that become git signatures and messages (C strings, which a NUL would end).
    @Test func controlCharactersReadAsSpaces() throws {
        let text = "Head\u{7}line\u{0C}here\n\nA para\u{7F}graph with a form\u{0C}feed.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.headline == "Head line here")
        #expect(revision.paragraphs == ["A para graph with a form feed."])
        let json = #"{"headline": "H\u0000I", "byline": "By Jo\u0000 Smith", "authors": ["Jo\u0000 Smith", "\u0000"], "url": " https://x.example/a\u0000b ", "body": "Text."}"#
        let fields = try RevisionReader.readOne(Array(json.utf8), options: standard)
        #expect(fields.headline == "H I")
        #expect(fields.byline == "By Jo Smith")
        #expect(fields.authors == ["Jo Smith"])
        #expect(fields.url == "https://x.example/ab")
    }
}
