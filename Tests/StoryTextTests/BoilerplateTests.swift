import TestSupport
import Testing
@testable import StoryText

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

@Suite struct BoilerplateRuleTests {
    /// Each kind of match, with a paragraph it takes and one it must leave.
    @Test(arguments: [
        (BoilerplateRule.Match.exact(["Advertisement", "Ad"]), "Advertisement", true),
        (.exact(["Advertisement", "Ad"]), "Advertisement below", false),
        (.prefix("Read more"), "Read more: the talks", true),
        (.prefix("Read more"), "We read more", false),
        (.contains("All Rights Reserved"), "Wire News. All Rights Reserved.", true),
        (.contains("All Rights Reserved"), "Wire News. all rights reserved.", false),
        (.regex(#"^Get \d+% Off$"#), "Get 40% Off", true),
        (.regex(#"^Get \d+% Off$"#), "Get forty percent off", false),
        (.regex("(unclosed"), "(unclosed", false),
    ] as [(BoilerplateRule.Match, String, Bool)])
    func matches(match: BoilerplateRule.Match, paragraph: String, expected: Bool) {
        let rule = BoilerplateRule(name: "rule", match: match)
        #expect(rule.matches(paragraph, length: paragraph.unicodeScalars.count) == expected)
    }

    @Test func aRuleAppliesOnlyUpToItsMaximumLength() {
        let rule = BoilerplateRule(name: "share", match: .prefix("Share"), maxLength: 10)
        #expect(rule.matches("Share this", length: 10))
        #expect(!rule.matches("Share this article", length: 18))
    }

    @Test func anInvalidExpressionIsReportedAndARecompiledOneWorks() {
        var rule = BoilerplateRule(name: "bad", match: .regex("(unclosed"))
        #expect(!rule.isValid)
        #expect(BoilerplateSettings(rules: [rule]).validate() == "boilerplate rule 'bad' has an invalid regular expression")
        rule.match = .regex("a+")
        #expect(rule.isValid)
        #expect(rule.matches("baaa", length: 4))
        #expect(BoilerplateSettings(rules: [rule]).validate() == nil)
        #expect(BoilerplateRule(name: "x", match: .exact([])).isValid)
    }

    @Test func rulesCompareByWhatTheySay() {
        let rule = BoilerplateRule(name: "ad", match: .regex("Ad"), maxLength: 20, dropsRest: false)
        #expect(rule == BoilerplateRule(name: "ad", match: .regex("Ad"), maxLength: 20))
        #expect(rule != BoilerplateRule(name: "ad", match: .regex("Ad"), maxLength: 20, dropsRest: true))
        #expect(rule != BoilerplateRule(name: "ad", match: .contains("Ad"), maxLength: 20))
    }

    @Test func theFirstMatchingRuleTakesTheParagraphAndADropRestRuleTheRest() {
        let settings = BoilerplateSettings(rules: [
            BoilerplateRule(name: "ad", match: .exact(["Ad"])),
            BoilerplateRule(name: "also-ad", match: .prefix("A")),
            BoilerplateRule(name: "related", match: .prefix("Related"), dropsRest: true),
        ])
        let filter = BoilerplateFilter(settings, catalog: nil)
        #expect(filter.rule(for: "Ad")?.name == "ad")
        #expect(filter.rule(for: "Also")?.name == "also-ad")
        #expect(filter.rule(for: "Story") == nil)
        let (kept, removed) = filter.apply(["One.", "Ad", "Two.", "Related stories", "Teaser", "Three."])
        #expect(kept == ["One.", "Two."])
        #expect(removed == [RemovedText(text: "Ad", rule: "ad"), RemovedText(text: "Related stories", rule: "related"),
                            RemovedText(text: "Teaser", rule: "related (after)"),
                            RemovedText(text: "Three.", rule: "related (after)")])
    }
}
