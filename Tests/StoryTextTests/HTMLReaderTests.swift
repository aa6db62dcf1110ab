import Foundation
import StoryText
import TestSupport
import Testing

private func page(_ name: String) throws -> Revision {
    try RevisionReader.readOne(try Fixtures.bytes("Tests/StoryTextTests/Fixtures/html/" + name), options: standard)
}

private func date(_ iso: String) -> Date? { try? Date(iso, strategy: .iso8601) }

@Suite struct HTMLReaderTests {
    @Test func jsonLDArticleBodyAndMetadataWin() throws {
        let revision = try page("jsonld-newsarticle.html")
        #expect(revision.tag == "UPDATE 2")
        #expect(revision.headline == "Storm floods coastal towns, thousands evacuated")
        #expect(revision.authors == ["Lena Ortiz", "Tomas Berg"])
        #expect(revision.published == date("2024-09-14T06:10:00Z"))
        #expect(revision.updated == date("2024-09-14T12:05:00Z"))
        #expect(revision.url == "https://news.example.com/world/storm-floods-coastal-towns-2024-09-14/")
        #expect(revision.advisory?.items == [
            AdvisoryItem(verb: "add", object: "evacuation figures", paragraphs: [2]),
            AdvisoryItem(verb: "update", object: "death toll", paragraphs: [3]),
        ])
        #expect(revision.dateline == Dateline(place: "PORTO VELHO", date: "Sept 14", agency: "Wire"))
        #expect(revision.paragraphs == [
            "A tropical storm flooded dozens of coastal towns on Saturday, officials said.",
            "More than 12,000 people were moved to shelters overnight, the civil defence agency said.",
            "At least 7 people were killed, up from 4 reported earlier.",
        ])
        #expect(revision.credits == ["(Reporting by Lena Ortiz; Editing by Tomas Berg)"])
    }

    @Test func oneLineArticleBodyGivesWayToTheMarkedUpParagraphs() throws {
        let revision = try page("itemprop-oneline-body.html")
        #expect(revision.headline == "Central bank holds rates steady")
        #expect(revision.authors == ["Priya Raman"])
        #expect(revision.dateline?.place == "FRANKFURT")
        #expect(revision.paragraphs == [
            "The central bank kept its main rate at 4.5% on Wednesday.",
            "Policymakers said inflation was easing but remained too high.",
            "Markets had expected the decision.",
        ])
    }

    @Test func articleElementWithoutFigureAsideShareBarOrCookieBanner() throws {
        let revision = try page("article-tag.html")
        #expect(revision.tag == "RPT")
        #expect(revision.headline == "Ministers agree grain export deal")
        #expect(revision.byline == "By Ana Silva and Kofi Mensah")
        #expect(revision.authors == ["Ana Silva", "Kofi Mensah"])
        #expect(revision.advisory?.text == "(Adds minister's quote in paragraph 3)")
        #expect(revision.dateline == Dateline(place: "ISTANBUL", date: nil, agency: "Wire"))
        #expect(revision.url == "https://wire.example.org/markets/grain-deal-1234")
        #expect(revision.paragraphs.count == 3)
        let body = revision.paragraphs.joined(separator: " ")
        for furniture in ["cookies", "Wheat prices fall", "cargo ship", "Share", "Email", "Copyright", "About us"] {
            #expect(!body.contains(furniture), "the body holds \(furniture)")
        }
        #expect(revision.removed.map(\.rule) == ["copyright"])
    }

    @Test func densestBlockWhenThereIsNoMarkup() throws {
        let revision = try page("no-markup.html")
        #expect(revision.headline == "Council approves new budget")
        #expect(revision.paragraphs.count == 4)
        #expect(revision.paragraphs.first == "The city council approved a $1.2 billion budget late on Tuesday after six hours of debate.")
        #expect(!revision.paragraphs.contains { $0.contains("newsletter") || $0.contains("Local team") })
    }

    @Test func doubleLineBreaksSeparateParagraphs() throws {
        let revision = try page("br-separated.html")
        #expect(revision.paragraphs == [
            "A magnitude 6.1 earthquake struck off the coast on Friday, the meteorological agency said.",
            "There were no immediate reports of damage.",
            "A tsunami advisory was lifted an hour later.",
            "Trains were briefly halted.",
        ])
    }

    @Test func declaredWindows1252IsDecoded() throws {
        let revision = try page("windows-1252.html")
        #expect(revision.headline == "Café owners “wary” of new rules")
        #expect(revision.paragraphs == [
            "Café owners said on Monday they were “wary” of new rules on terrace opening hours.",
            "The rules take effect on June 1 – a week before the summer season.",
        ])
    }

    /// Pages are decoded as browsers decode them (HTMLDecodingTests has the rules); these were
    /// refused before: a byte windows-1252 leaves undefined, a stray Latin-1 byte in a UTF-8 page,
    /// a KOI8-R page.
    @Test(arguments: [
        ("windows-1252-undefined-byte.html", "Undefined \u{81} byte."),
        ("utf8-invalid.html", "Caf\u{FFFD} is not UTF-8."),
        ("unsupported-charset.html", "Text."),
    ])
    func pagesAreDecodedAsBrowsersDo(name: String, paragraph: String) throws {
        #expect(try page(name).paragraphs == [paragraph])
    }

    @Test func aPageWithoutStoryTextIsAnError() {
        let html = Array("<html><head><title>Empty</title></head><body><nav><p>Menu</p></nav></body></html>".utf8)
        #expect(throws: ReadingError.noBody(reason: "only a headline and page furniture")) {
            try RevisionReader.readOne(html, options: standard)
        }
        let bare = Array("<html><head><title>Empty</title></head><body><h1>Empty</h1></body></html>".utf8)
        #expect(throws: ReadingError.noBody(reason: "only a headline")) { try RevisionReader.readOne(bare, options: standard) }
    }

    @Test func formatIsSniffedOrForced() {
        #expect(InputFormat.sniff(Array("<!DOCTYPE html><html>".utf8)) == .html)
        #expect(InputFormat.sniff(Array("  {\"headline\": \"x\"}".utf8)) == .json)
        #expect(InputFormat.sniff(Array("UPDATE 1-Headline\n\nBody.".utf8)) == .text)
        #expect(InputFormat.sniff(Array("<b>bold</b> is not a page".utf8)) == .text)
    }
}

@Suite struct JSONReaderTests {
    private func read(_ name: String) throws -> [ReadRevision] {
        try RevisionReader.read(try Fixtures.bytes("Tests/StoryTextTests/Fixtures/json/" + name), options: standard)
    }

    @Test func oneObjectWithABodyString() throws {
        let reads = try read("single.json")
        #expect(reads.count == 1)
        let revision = try #require(reads.first?.revision)
        #expect(revision.tag == "UPDATE 1")
        #expect(revision.headline == "Airline cancels flights as pilots strike")
        #expect(revision.advisory?.items == [AdvisoryItem(verb: "add", object: "union comment", paragraphs: [])])
        #expect(revision.authors == ["Sam Cole"])
        #expect(revision.updated == date("2024-06-03T08:15:00Z"))
        #expect(revision.url == "https://wire.example.org/business/airline-strike")
        #expect(revision.paragraphs == ["The airline cancelled 240 flights on Monday as pilots began a 48-hour strike.",
                                        "The union said talks had broken down over pay."])
        #expect(revision.removed.map(\.rule) == ["third-party-ad"])
        #expect(revision.credits.count == 1)
    }

    @Test func jsonLinesGiveOneRevisionPerLineWithItsOwnBytes() throws {
        let reads = try read("chain.jsonl")
        #expect(reads.map(\.line) == [1, 2, 4])
        #expect(reads.map(\.revision.story) == ["airline-strike", "airline-strike", "airline-strike"])
        #expect(reads.map(\.revision.tag) == [nil, "UPDATE 1", "UPDATE 2"])
        #expect(reads[2].revision.advisory?.items.first?.paragraphs == [3])
        let lines = try Fixtures.bytes("Tests/StoryTextTests/Fixtures/json/chain.jsonl").split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(reads[1].evidence == Array(lines[1]))
    }

    @Test func badLinesAndMissingHeadlinesAreNamed() {
        #expect(throws: ReadingError.invalidJSON("line 2 is not a JSON object (wrong type for body)")) { try read("bad-line.jsonl") }
        #expect(throws: ReadingError.invalidJSON("no \"headline\"")) { try read("no-headline.json") }
    }

    private func date(_ iso: String) -> Date? { try? Date(iso, strategy: .iso8601) }
}
