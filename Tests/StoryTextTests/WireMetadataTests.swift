import Foundation
import StoryText
import TestSupport
import Testing

@Suite struct WireConventionTests {
    @Test func apWriteThroughSlugBecomesTheTag() throws {
        let text = "BC-EU--Climate-Summit, 2nd Ld-Writethru,0642\n\nLeaders agree emissions target\n\nBRUSSELS (AP) — European Union leaders agreed on a target.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.tag == "2nd Ld-Writethru")
        #expect(revision.headline == "Leaders agree emissions target")
        #expect(revision.dateline == Dateline(place: "BRUSSELS", date: nil, agency: "AP"))
        #expect(revision.removed == [RemovedText(text: "BC-EU--Climate-Summit, 2nd Ld-Writethru,0642", rule: "ap-slug")])
    }

    @Test func anAdvisoryWrappedOverTwoLines() throws {
        let text = "UPDATE 3-Rescuers search rubble\n\n(Updates death toll in paragraph 1,\nadds quote in paragraph 4)\n\nBody sentence here.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.advisory?.text == "(Updates death toll in paragraph 1, adds quote in paragraph 4)")
        #expect(revision.advisory?.items.map(\.paragraphs) == [[1], [4]])
        #expect(revision.paragraphs == ["Body sentence here."])
    }

    @Test func twoBracketedAdvisoryLines() throws {
        let text = "UPDATE 3-Rescuers search rubble\n\n(Updates death toll in paragraph 1)\n(Adds quote in paragraph 4)\n\nBody sentence here.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.advisory?.text == "(Updates death toll in paragraph 1) (Adds quote in paragraph 4)")
        #expect(revision.advisory?.items == [AdvisoryItem(verb: "update", object: "death toll", paragraphs: [1]),
                                             AdvisoryItem(verb: "add", object: "quote", paragraphs: [4])])
    }

    @Test func bylinesListEveryAuthor() throws {
        let text = "Headline\n\nBy Ana Silva, Kofi Mensah and Li Wei\n\nBody sentence here.\n"
        #expect(try RevisionReader.readOne(Array(text.utf8), options: standard).authors == ["Ana Silva", "Kofi Mensah", "Li Wei"])
    }

    /// "By By ..." kept one "By" in the first author, and the desk credit was an author (trial).
    @Test func aDoubledLeadInAndADeskCreditAreNoAuthors() throws {
        let text = "Headline\n\nBy By Roberto de la Cruz and Mary-Kate McDonald, CityWire Staff\n\nBody sentence here.\n"
        #expect(try RevisionReader.readOne(Array(text.utf8), options: standard).authors
            == ["Roberto de la Cruz", "Mary-Kate McDonald"])
    }

    /// "Par Élodie Ménard" stayed in the body while the byline said "By ..." (new-user trial).
    @Test(arguments: [
        ("Par Élodie Ménard et Luc Martin", ["Élodie Ménard", "Luc Martin"]),
        ("Por Ana García y Pedro Ruiz", ["Ana García", "Pedro Ruiz"]),
        ("Von Anna Schmidt", ["Anna Schmidt"]),
    ])
    func bylinesInOtherLanguagesAreBylines(line: String, authors: [String]) throws {
        let revision = try RevisionReader.readOne(Array("Headline\n\n\(line)\n\nBody sentence here.\n".utf8), options: standard)
        #expect(revision.byline == line)
        #expect(revision.authors == authors)
        #expect(revision.paragraphs == ["Body sentence here."])
    }

    @Test func sentencesThatStartWithALeadInWordAreNotBylines() throws {
        for line in ["Par exemple, les prix ont doublé.", "Por el momento, nada ha cambiado.", "Von Anfang an war klar, dass es schwer wird."] {
            let revision = try RevisionReader.readOne(Array("Headline\n\n\(line)\n".utf8), options: standard)
            #expect(revision.byline == nil, "\(line)")
        }
    }

    @Test func bodyLinesThatStartWithByAreNotBylines() throws {
        let text = "Headline\n\nBy the end of the year, prices had doubled, the agency said.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.byline == nil)
        #expect(revision.paragraphs.count == 1)
    }
}
