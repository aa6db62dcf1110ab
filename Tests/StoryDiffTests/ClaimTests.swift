import Foundation
import StoryDiff
import Testing

private func kinds(_ old: String, _ new: String) -> [ClaimChange.Kind] {
    ClaimComparer.changes(old: old, new: new, paragraph: 1).map(\.kind)
}

@Suite struct ClaimExtractionTests {
    @Test func quantitiesKeepApproximatorsUnitsAndScale() {
        let claim = ClaimExtractor.claim("At least 12 people were killed and more than a million were displaced, costing $1.2 billion, or 53% of the budget.")
        #expect(claim.quantities.map(\.approximator) == ["at least", "more than", "", ""])
        #expect(claim.quantities.map(\.value) == [12, 1_000_000, 1_200_000_000, 53])
        // "more than a million were displaced": a verb is not what a figure counts.
        #expect(claim.quantities.map(\.unit) == ["people", "", "$", "%"])
    }

    @Test func attributionsInEveryOrder() {
        #expect(ClaimExtractor.claim("The meeting will take place in Anchorage, the White House said on Wednesday.").attributions
                == [Claim.Attribution(source: "the White House", cue: "said")])
        #expect(ClaimExtractor.claim("\"We will not back down,\" said Foreign Minister Wang Yi.").attributions
                == [Claim.Attribution(source: "Foreign Minister Wang Yi", cue: "said")])
        #expect(ClaimExtractor.claim("Talks had stalled, according to two people familiar with the matter.").attributions.first?.cue == "according to")
        #expect(ClaimExtractor.claim("China's foreign ministry on Thursday confirmed the meeting.").attributions
                == [Claim.Attribution(source: "China's foreign ministry", cue: "confirmed")])
    }

    @Test func datesQuotesNamesNegationsAndHedges() {
        let claim = ClaimExtractor.claim("U.S. Secretary of State Antony Blinken said on Thursday he would not meet Wang Yi on March 18, calling it \"a waste of time\" for now.")
        #expect(claim.dates.contains("on Thursday"))
        #expect(claim.dates.contains("March 18"))
        #expect(claim.quotes == ["a waste of time"])
        #expect(claim.entities.contains("Antony Blinken"))
        #expect(claim.entities.contains("Wang Yi"))
        #expect(claim.titles.contains("U.S. Secretary of State"))
        #expect(claim.negations == ["not"])
        #expect(claim.hedges == ["would"])
    }

    @Test func identicalSentencesHaveIdenticalClaimsAndNoChanges() {
        let sentence = "At least 12 people were killed on Tuesday, police said."
        #expect(ClaimExtractor.claim(sentence) == ClaimExtractor.claim(sentence))
        #expect(ClaimComparer.changes(old: sentence, new: sentence, paragraph: 1).isEmpty)
    }
}

@Suite struct ClaimChangeTests {
    @Test(arguments: [
        ("At least 12 people were killed, police said.", "At least 15 people were killed, police said.", ClaimChange.Kind.quantityChanged),
        ("About 200 jobs will go, the company said.", "More than 200 jobs will go, the company said.", .quantityChanged),
        ("The vote will be held on March 19, officials said.", "The vote will be held on March 18, officials said.", .dateChanged),
        ("The talks will resume on Tuesday, Reuters reported.", "The talks will resume next week, Reuters reported.", .dateChanged),
        ("The strike will end, union leaders said.", "The strike will end, company managers said.", .attributionSourceChanged),
        ("China's foreign ministry said the meeting would go ahead.", "China's foreign ministry confirmed the meeting would go ahead.", .attributionCueChanged),
        ("She said the plan was sound.", "She said the plan was \"a disgrace\" and would fail.", .quoteAdded),
        ("He called the ruling \"deeply unfair to workers\" on Monday.", "He called the ruling \"unfair to workers\" on Monday.", .quoteAltered),
        ("The minister met Wang Yi in Anchorage.", "The minister met Yang Jiechi in Anchorage.", .entityReplaced),
        ("The company has paid the fine, it said.", "The company has not paid the fine, it said.", .negationFlipped),
        ("The bridge collapsed after the storm, officials said.", "The bridge reportedly collapsed after the storm, officials said.", .hedgeAdded),
    ] as [(String, String, ClaimChange.Kind)])
    func eachKindBothWays(old: String, new: String, kind: ClaimChange.Kind) {
        let forward = ClaimComparer.changes(old: old, new: new, paragraph: 1)
        #expect(forward.map(\.kind).contains(kind), "\(forward.map(\.reason))")
        #expect(forward.allSatisfy { $0.significance == .substantive })
        let backward = ClaimComparer.changes(old: new, new: old, paragraph: 1).map(\.kind)
        let reverse: [ClaimChange.Kind: ClaimChange.Kind] = [.quoteAdded: .quoteRemoved, .hedgeAdded: .hedgeRemoved, .entityAdded: .entityRemoved]
        #expect(backward.contains(reverse[kind] ?? kind), "\(backward)")
    }

    @Test func certaintyDirectionOfACueChange() {
        let up = ClaimComparer.changes(old: "The ministry said the meeting would go ahead.", new: "The ministry confirmed the meeting would go ahead.", paragraph: 6)
        #expect(up.first { $0.kind == .attributionCueChanged }?.reason == "attribution cue changed (said -> confirmed, certainty up)")
        #expect(up.first?.from == "said")
        #expect(up.first?.to == "confirmed")
        #expect(up.first?.paragraph == 6)
    }

    @Test func wordingAloneIsStyleAndPunctuationIsCosmetic() {
        #expect(kinds("The meeting is set for Anchorage, officials said.", "The meeting is planned for Anchorage, officials said.") == [.reworded])
        let cosmetic = ClaimComparer.changes(old: "The meeting will be held in Anchorage on Friday, officials said.",
                                             new: "The meeting will be held in Anchorage on Friday , officials  said .", paragraph: 1)
        #expect(cosmetic.map(\.significance) == [.cosmetic])
    }
}

@Suite struct SentenceAlignmentTests {
    @Test func maskedNumbersPairFiveWithFifty() {
        let old = ["Five people were killed in the blast on Monday, police said. Rescue work continued."]
        let new = ["50 people were killed in the blast on Monday, police said. Rescue work continued."]
        let diff = ParagraphAligner.diff(old: old, new: new)
        let pairs = SentenceAligner.pairs(diff, old: old, new: new).filter { $0.old != $0.new }
        #expect(pairs.count == 1)
        #expect(pairs.first?.old?.hasPrefix("Five people") == true)
        #expect(pairs.first?.new?.hasPrefix("50 people") == true)
        let changes = SentenceAligner.claimChanges(diff, old: old, new: new)
        #expect(changes.map(\.kind) == [.quantityChanged])
        #expect(changes.first?.from == "Five people")
        #expect(changes.first?.to == "50 people")
    }

    @Test func theSeedChainsPlantedChangesComeOutAsClaims() throws {
        func changes(_ step: Int) throws -> [ClaimChange] {
            let old = try seedParagraphs(step)
            let new = try seedParagraphs(step + 1)
            return SentenceAligner.claimChanges(ParagraphAligner.diff(old: old, new: new), old: old, new: new)
        }
        let update1 = try changes(1)
        #expect(update1.contains { $0.kind == .claimAdded && ($0.new ?? "").contains("an opportunity to address") })
        #expect(update1.contains { $0.kind == .claimRemoved && ($0.old ?? "").contains("did not immediately respond") })
        let update2 = try changes(2)
        #expect(update2.contains { $0.kind == .dateChanged && $0.from == "March 19" && $0.to == "March 18" })
        let update3 = try changes(3)
        #expect(update3.contains { $0.kind == .quantityChanged && $0.to == "more than a million Uighurs" })
        let update4 = try changes(4)
        #expect(update4.contains { $0.kind == .attributionCueChanged && $0.from == "said" && $0.to == "confirmed" })
    }
}

@Suite struct QuoteTests {
    @Test func aQuoteSpanningSentencesKeepsBothPartsAndItsSpeaker() {
        let sentences = ["\"There is no intent at this point for a series of follow-on engagements.",
                         "Those engagements have to be based on tangible progress,\" Blinken said."]
        let claims = ClaimExtractor.claims(ofParagraph: sentences)
        #expect(claims[0].quotes == ["There is no intent at this point for a series of follow-on engagements"])
        #expect(claims[1].quotes == ["Those engagements have to be based on tangible progress"])
        #expect(claims[0].attributions == [Claim.Attribution(source: "Blinken", cue: "said")])
    }

    @Test func curlyAndMixedQuotes() {
        #expect(ClaimExtractor.claim("She called it “a waste of time” and left.").quotes == ["a waste of time"])
        #expect(ClaimExtractor.claim("She said the plan was \"a disgrace\" and would fail.").quotes == ["a disgrace"])
    }
}
