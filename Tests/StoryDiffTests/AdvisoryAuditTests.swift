import StoryText
import Testing
@testable import StoryDiff

/// A substantive change in `paragraph`, with only the fields a rule reads.
private func change(_ kind: ClaimChange.Kind, paragraph: Int = 9, old: String? = nil, new: String? = nil,
                    from: String? = nil, to: String? = nil) -> ClaimChange {
    ClaimChange(kind: kind, significance: .substantive, old: old, new: new, from: from, to: to, reason: "",
                paragraph: paragraph)
}

private func item(_ verb: String?, _ object: String, paragraphs: [Int] = []) -> AdvisoryItem {
    AdvisoryItem(verb: verb, object: object, paragraphs: paragraphs)
}

/// A changed figure in paragraph 9 of a sentence about the death toll.
private let tollChanged = change(.quantityChanged, old: "The death toll rose to 5, police said.",
                                 new: "The death toll rose to 50, police said.", from: "5", to: "50")

/// One rule of `AdvisoryAuditor.covers`, with a case where it applies and one where it must not.
struct CoverageCase: Sendable, CustomTestStringConvertible {
    let rule: String
    let item: AdvisoryItem
    let change: ClaimChange
    let covers: Bool

    var testDescription: String { "\(rule): \(covers ? "covers" : "does not cover")" }
}

@Suite struct AdvisoryAuditTests {
    static let coverage: [CoverageCase] = [
        // "Rewrites" and "writes through" account for every change.
        CoverageCase(rule: "rewrite", item: item("rewrite", "throughout"), change: tollChanged, covers: true),
        CoverageCase(rule: "write through", item: item("write through", ""), change: tollChanged, covers: true),
        CoverageCase(rule: "no verb covers nothing by itself", item: item(nil, "throughout"), change: tollChanged,
                     covers: false),
        // "Recasts" accounts for the lead (paragraphs 1 to 3) and any removal.
        CoverageCase(rule: "recast, lead", item: item("recast", ""), change: change(.dateChanged, paragraph: 3),
                     covers: true),
        CoverageCase(rule: "recast, below the lead", item: item("recast", ""), change: change(.dateChanged, paragraph: 4),
                     covers: false),
        CoverageCase(rule: "recast, removal", item: item("recast", ""),
                     change: change(.claimRemoved, paragraph: 12, old: "Talks were cancelled."), covers: true),
        // Paragraph references ("in paragraph 5", "paras 3-4") account for what changed there.
        CoverageCase(rule: "paragraph reference", item: item("correct", "figure", paragraphs: [5]),
                     change: change(.quantityChanged, paragraph: 5, from: "5", to: "50"), covers: true),
        CoverageCase(rule: "paragraph reference, elsewhere", item: item("correct", "figure", paragraphs: [3, 4]),
                     change: change(.quantityChanged, paragraph: 5, from: "5", to: "50"), covers: false),
        // A general object ("background", "details", "comment") added or updated: any addition.
        CoverageCase(rule: "general object, added claim", item: item("add", "background"),
                     change: change(.claimAdded, new: "The two sides last met in 2019."), covers: true),
        CoverageCase(rule: "general object, not an addition", item: item("add", "background"), change: tollChanged,
                     covers: false),
        CoverageCase(rule: "general object, updated", item: item("update", "details"),
                     change: change(.quoteAdded, to: "we are ready to talk"), covers: true),
        CoverageCase(rule: "general object, other verb", item: item("correct", "details"),
                     change: change(.claimAdded, new: "The two sides last met in 2019."), covers: false),
        // The head word decides: "analyst comment" names no fact.
        CoverageCase(rule: "general head word", item: item("add", "analyst comment"),
                     change: change(.quoteAdded, new: "\"It is a reset,\" Glaser said.", to: "It is a reset"),
                     covers: true),
        CoverageCase(rule: "specific head word", item: item("add", "analyst estimate"),
                     change: change(.claimAdded, new: "The talks will last two days."), covers: false),
        // An addition is found in the sentences it added: stems match by prefix.
        CoverageCase(rule: "stems of an addition", item: item("add", "Chinese confirmation"),
                     change: change(.claimAdded, new: "China's foreign ministry confirmed the talks."), covers: true),
        CoverageCase(rule: "stems of an addition, unrelated", item: item("add", "Chinese confirmation"),
                     change: change(.claimAdded, new: "The talks will last two days."), covers: false),
        // An added item accounts for another kind of change only through the values that changed.
        CoverageCase(rule: "addition against values only", item: item("add", "death toll"), change: tollChanged,
                     covers: false),
        CoverageCase(rule: "update against sentences too", item: item("update", "death toll"), change: tollChanged,
                     covers: true),
        CoverageCase(rule: "addition whose values name it", item: item("add", "Blinken"),
                     change: change(.entityAdded, new: "Antony Blinken will attend.", to: "Antony Blinken"), covers: true),
        CoverageCase(rule: "addition, a date in a sentence naming it", item: item("add", "Blinken comments"),
                     change: change(.dateChanged, old: "Blinken spoke on Thursday.", new: "Blinken spoke on Friday.",
                                    from: "on Thursday", to: "on Friday"),
                     covers: false),
        // Stems: common suffixes go ("arrests" and "arrested" are both "arrest").
        CoverageCase(rule: "stem suffixes", item: item("update", "arrests"),
                     change: change(.quantityChanged, new: "Police arrested 12 people.", from: "10", to: "12"), covers: true),
        CoverageCase(rule: "stem, another word", item: item("update", "arrests"),
                     change: change(.quantityChanged, new: "Police released 12 people.", from: "10", to: "12"),
                     covers: false),
        // Words under four letters and stopwords are not evidence.
        CoverageCase(rule: "short words", item: item("update", "U.S. aid"),
                     change: change(.quantityChanged, new: "U.S. aid rose to $5 billion.", from: "$4", to: "$5"),
                     covers: false),
        CoverageCase(rule: "stopwords", item: item("update", "more about this"),
                     change: change(.quantityChanged, new: "More about this later: 5 people.", from: "4", to: "5"),
                     covers: false),
    ]

    @Test(arguments: coverage)
    func coverageRule(_ example: CoverageCase) {
        #expect(AdvisoryAuditor.covers(example.item, example.change) == example.covers)
    }

    @Test func theRecastLeadIsASetting() {
        var settings = DiffSettings()
        settings.recastLeadParagraphs = 4
        #expect(AdvisoryAuditor.covers(item("recast", ""), change(.dateChanged, paragraph: 4), settings: settings))
        #expect(!AdvisoryAuditor.covers(item("recast", ""), change(.dateChanged, paragraph: 5), settings: settings))
    }

    @Test(arguments: [
        ("arrests", "arrest"), ("arrested", "arrest"), ("meetings", "meet"), ("meeting", "meet"),
        ("confirmation", "confirm"), ("negotiations", "negoti"), ("talks", "talk"), ("ministries", "ministri"),
        ("does", "does"), ("bring", "bring"), ("toll", "toll"),
    ])
    func stem(word: String, expected: String) {
        #expect(AdvisoryAuditor.stem(word) == expected)
    }

    @Test func stemsAreContentWordsOfFourLettersOrMore() {
        #expect(AdvisoryAuditor.stems("Adds details of the U.S.-China meetings, with reaction")
            == ["adds", "china", "meet", "reaction"])
    }

    @Test func anItemAccountsForTheRestOfItsSentence() {
        let old = "Officials said the meeting would go ahead."
        let new = "Officials confirmed the meeting."
        let cue = change(.attributionCueChanged, paragraph: 2, old: old, new: new, from: "said", to: "confirmed")
        let hedge = change(.hedgeRemoved, paragraph: 2, old: old, new: new, from: "would")
        let other = change(.quantityChanged, paragraph: 8, old: "5 killed", new: "6 killed", from: "5", to: "6")
        let advisory = Advisory(text: "(Adds confirmation)")
        let audit = AdvisoryAuditor.audit(advisory: advisory, tag: "UPDATE 4", claims: [cue, hedge, other])
        #expect(audit.items.map(\.text) == ["add: confirmation"])
        #expect(audit.items.first?.found == true)
        #expect(audit.items.first?.changes == [cue, hedge])
        #expect(audit.undeclared == [other])
        #expect(audit.flags.isEmpty)
    }

    @Test func itemTextsNameVerbObjectAndParagraphs() {
        let advisory = Advisory(text: "(Updates death toll in paragraphs 4 and 5, recasts)")
        let audit = AdvisoryAuditor.audit(advisory: advisory, tag: nil, claims: [])
        #expect(audit.items.map(\.text) == ["update: death toll (paragraph 4, 5)", "recast"])
        #expect(audit.items.map(\.found) == [false, false])
    }

    @Test func onlySubstantiveChangesAreAudited() {
        let cosmetic = ClaimChange(kind: .cosmetic, significance: .cosmetic, old: "a", new: "a.", from: nil, to: nil,
                                   reason: "", paragraph: 1)
        let audit = AdvisoryAuditor.audit(advisory: nil, tag: nil, claims: [cosmetic])
        #expect(audit.undeclared.isEmpty)
        #expect(audit.flags.isEmpty)
    }

    @Test(arguments: [
        ("CORRECTED", [], ["CORRECTED but no visible correction"]),
        ("REFILE-UPDATE 1", [], ["REFILE-UPDATE 1 but no visible correction"]),
        ("corrected-update 2", [], ["corrected-update 2 but no visible correction"]),
        ("CORRECTED", [.quantityChanged], []),
        ("UPDATE 2", [], []),
        ("UPDATE 2", [.claimRemoved], ["a claim removed with no advisory line"]),
        ("UPDATE 2", [.claimAdded], []),
    ] as [(String, [ClaimChange.Kind], [String])])
    func flags(tag: String, kinds: [ClaimChange.Kind], expected: [String]) {
        let claims = kinds.map { change($0, old: "Old sentence here.", new: "New sentence here.") }
        #expect(AdvisoryAuditor.audit(advisory: nil, tag: tag, claims: claims).flags == expected)
    }

    @Test func anAdvisoryLineSilencesTheRemovalFlag() {
        let audit = AdvisoryAuditor.audit(advisory: Advisory(text: "(Trims)"), tag: nil,
                                          claims: [change(.claimRemoved, old: "Talks were cancelled.")])
        #expect(audit.flags.isEmpty)
        #expect(audit.undeclared.count == 1)
    }
}
