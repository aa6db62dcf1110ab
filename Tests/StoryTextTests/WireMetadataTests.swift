import Foundation
import StoryText
import TestSupport
import Testing

@Suite struct AdvisoryTests {
    @Test(arguments: [
        ("(Adds Chinese confirmation of talks, comment)",
         [AdvisoryItem(verb: "add", object: "Chinese confirmation of talks", paragraphs: []),
          AdvisoryItem(verb: "add", object: "comment", paragraphs: [])]),
        ("(Adds prime minister's reaction in paragraph 3, updates death toll in paragraph 4)",
         [AdvisoryItem(verb: "add", object: "prime minister's reaction", paragraphs: [3]),
          AdvisoryItem(verb: "update", object: "death toll", paragraphs: [4])]),
        ("(Recasts with Senate vote)", [AdvisoryItem(verb: "recast", object: "Senate vote", paragraphs: [])]),
        ("(Rewrites throughout)", [AdvisoryItem(verb: "rewrite", object: "throughout", paragraphs: [])]),
        ("(Corrects spelling of name in paragraph 5)",
         [AdvisoryItem(verb: "correct", object: "spelling of name", paragraphs: [5])]),
        ("(Updates with details of meeting)", [AdvisoryItem(verb: "update", object: "details of meeting", paragraphs: [])]),
        ("(Recasts, adds details of meeting, Psaki comment)",
         [AdvisoryItem(verb: "recast", object: "", paragraphs: []),
          AdvisoryItem(verb: "add", object: "details of meeting", paragraphs: []),
          AdvisoryItem(verb: "add", object: "Psaki comment", paragraphs: [])]),
        ("(Adds quotes and updates toll in paras 6-8)",
         [AdvisoryItem(verb: "add", object: "quotes", paragraphs: []),
          AdvisoryItem(verb: "update", object: "toll", paragraphs: [6, 7, 8])]),
        ("(Corrects third paragraph to say ministry, not agency)",
         [AdvisoryItem(verb: "correct", object: "to say ministry", paragraphs: [3]),
          AdvisoryItem(verb: "correct", object: "not agency", paragraphs: [])]),
        ("(Changes headline, adds background in paragraphs 5 and 6)",
         [AdvisoryItem(verb: "change", object: "headline", paragraphs: []),
          AdvisoryItem(verb: "add", object: "background", paragraphs: [5, 6])]),
        ("(Corrects figure in lead)", [AdvisoryItem(verb: "correct", object: "figure", paragraphs: [1])]),
        ("(EDS: Updates with arrest; no pickup)",
         [AdvisoryItem(verb: "update", object: "arrest", paragraphs: []),
          AdvisoryItem(verb: "update", object: "no pickup", paragraphs: [])]),
    ] as [(String, [AdvisoryItem])])
    func parsesItems(line: String, items: [AdvisoryItem]) {
        #expect(Advisory(text: line).items == items)
    }
}

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

    @Test func bodyLinesThatStartWithByAreNotBylines() throws {
        let text = "Headline\n\nBy the end of the year, prices had doubled, the agency said.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.byline == nil)
        #expect(revision.paragraphs.count == 1)
    }
}

@Suite struct BoilerplateTests {
    @Test func rulesOnlyApplyWithinTheirLength() throws {
        let long = "Copyright law was at the heart of the case, which the court heard over three days in a packed room in the capital, lawyers said on Tuesday after the hearing ended without a ruling."
        let text = "Court hears copyright case\n\n" + long + "\n\n© 2024 Wire\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.paragraphs == [long])
        #expect(revision.removed.map(\.rule) == ["copyright"])
    }

    @Test func aDropRestRuleEndsTheStory() throws {
        let text = "Headline\n\nFirst paragraph.\n\nRelated stories\n\nAnother story's teaser.\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.paragraphs == ["First paragraph."])
        #expect(revision.removed.map(\.rule) == ["related-stories", "related-stories (after)"])
    }

    @Test func withoutRulesNothingIsRemoved() throws {
        let revision = try RevisionReader.readOne(try Fixtures.bytes(Fixtures.chain[4]))
        #expect(revision.paragraphs.contains("Latest comments"))
    }

    struct Seen: FurnitureCatalog {
        let counts: [String: Int]
        func storyCount(of paragraph: String) -> Int { counts[paragraph] ?? 0 }
    }

    @Test func paragraphsSeenInEnoughStoriesAreLearnedFurniture() throws {
        let text = "Headline\n\nA real paragraph.\n\nSubscribe to our morning briefing for the day's top stories.\n"
        var options = standard
        options.boilerplate.learnAfterStories = 3
        let seen = Seen(counts: ["Subscribe to our morning briefing for the day's top stories.": 3, "A real paragraph.": 2])
        let revision = try RevisionReader.readOne(Array(text.utf8), options: options, furniture: seen)
        #expect(revision.paragraphs == ["A real paragraph."])
        #expect(revision.removed == [RemovedText(text: "Subscribe to our morning briefing for the day's top stories.", rule: "learned")])
        options.boilerplate.learnAfterStories = 0
        #expect(try RevisionReader.readOne(Array(text.utf8), options: options, furniture: seen).paragraphs.count == 2)
    }
}

@Suite struct DefaultRuleTests {
    /// One paragraph of page furniture for each rule repo-template/writethru.json ships.
    @Test(arguments: [
        ("Get 40% Off", "promo-discount"),
        ("🤯 Acme is up a mind-blowing 53%. Our AI saw the buying opportunity.Read full update", "call-to-action"),
        ("3rd party Ad. Not an offer or recommendation by Investing.com. See disclosure here or remove ads .", "third-party-ad"),
        ("Advertisement", "ad-label"),
        ("Share this article", "share-bar"),
        ("FILE PHOTO: U.S. Secretary of State Antony Blinken speaks in Washington. REUTERS/Staff/File Photo", "photo-credit"),
        ("© 2007-2024 - Fusion Media Limited.", "copyright"),
        ("Wire News Ltd. All Rights Reserved.", "rights-reserved"),
        ("Latest comments", "comments-section"),
        ("Risk Disclosure: Trading in financial instruments involves high risks.", "risk-disclosure"),
        ("Related stories", "related-stories"),
    ])
    func eachDefaultRuleTakesItsFurniture(paragraph: String, rule: String) throws {
        let text = "Headline of the story\n\nThe story's first paragraph, which stays.\n\n\(paragraph)\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.paragraphs == ["The story's first paragraph, which stays."])
        #expect(revision.removed.first?.rule == rule)
    }

    @Test func storyTextThatResemblesFurnitureStays() throws {
        let paragraphs = [
            "Shares of the company were up 40% off their lows of the year, traders said on Tuesday.",
            "Comments from the minister were welcomed by opposition lawmakers, who said they would read more.",
            "Copyright law was at the centre of the dispute, which the court will hear in 2025.",
        ]
        let text = "Headline of the story\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
        let revision = try RevisionReader.readOne(Array(text.utf8), options: standard)
        #expect(revision.paragraphs == paragraphs)
        #expect(revision.removed.isEmpty)
    }
}
