import PropertyBased
import StoryDiff
import StoryText
import TestSupport
import Testing

/// The changed sentences linked between two versions (old text, new text), leaving out the
/// sentences that stayed the same; merged or split sides are joined by one space.
func changedLinks(_ old: [String], _ new: [String]) -> Set<[String]> {
    let diff = ParagraphAligner.diff(old: old, new: new)
    return Set(SentenceAligner.links(diff, old: old, new: new).compactMap { link -> [String]? in
        guard let from = link.oldText, let to = link.newText, from != to else { return nil }
        return [from, to]
    })
}

/// The link corpus's precision, recall and F1 (Tests/StoryDiffTests/Fixtures/judgement/links.jsonl).
@Suite struct SentenceLinkCorpusTests {
    @Test func linksAgreeWithACarefulReader() throws {
        let cases = try JudgementCorpus.load().filter { $0.links != nil }
        let outcomes = cases.map(JudgementCorpus.evaluate)
        let expected = outcomes.reduce(0) { $0 + $1.expectedLinks }
        let found = outcomes.reduce(0) { $0 + $1.foundLinks }
        let correct = outcomes.reduce(0) { $0 + $1.correctLinks }
        let precision = found == 0 ? 1 : Double(correct) / Double(found)
        let recall = expected == 0 ? 1 : Double(correct) / Double(expected)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        print("links: \(cases.count) cases, \(expected) expected, \(found) found, \(correct) correct: "
              + "precision \(precision), recall \(recall), F1 \(f1)")
        for outcome in outcomes where !outcome.passed { print(outcome.detail) }
        #expect(f1 >= 0.92)
    }
}

/// Sentences the paragraph aligner leaves unpaired, or pairs below the sentence bar, still link
/// when they stand in the same place or say the same thing (docs/diff/sentences.md, issue 15).
@Suite struct SentenceLinkTests {
    static let market = [
        "Shares of Acme rose 3% to $50 in early trading on Tuesday.",
        "The toolmaker reported quarterly revenue of $2.1 billion, ahead of forecasts. It also announced a new buyback.",
        "Acme's chief executive, Lena Ortiz, said demand from builders remained strong.",
        "The company is based in Dayton and employs 12,000 people.",
    ]

    // MARK: A heavily rewritten paragraph the aligner does not pair

    @Test func aRewrittenLedeLinksToTheLedeThatReplacedIt() {
        let lede = "Acme stock, a market bellwether, fell 2% to about $47 by noon on Tuesday."
        let links = changedLinks(Self.market, [lede] + Self.market.dropFirst())
        #expect(links == [[Self.market[0], lede]])
    }

    @Test func theLinkReadsTheSameBackwards() {
        let lede = "Acme stock, a market bellwether, fell 2% to about $47 by noon on Tuesday."
        #expect(changedLinks([lede] + Self.market.dropFirst(), Self.market) == [[lede, Self.market[0]]])
    }

    @Test func anUpdatedFigureInAnUnpairedParagraphLinks() {
        var new = Self.market
        new[3] = "Acme, based in Dayton, now has a workforce of 14,500 after buying two rivals."
        #expect(changedLinks(Self.market, new) == [[Self.market[3], new[3]]])
    }

    // MARK: Between two matched neighbours

    @Test func aRewriteBetweenTwoKeptSentencesLinks() {
        let old = ["Crews reached the valley on Monday. The road had been washed away in two places. Food was flown in by helicopter."]
        let new = ["Crews reached the valley on Monday. Floodwater had torn up the road at two points, officials said. Food was flown in by helicopter."]
        #expect(changedLinks(old, new) == [["The road had been washed away in two places.",
                                             "Floodwater had torn up the road at two points, officials said."]])
    }

    // MARK: Merges and splits one half of which clears the bar alone

    @Test func aShortSentenceMergedIntoALongOneIsPartOfTheMerge() {
        let old = ["The council approved the budget for the coming year after a four-hour debate on Thursday. Two members voted against.",
                   "The budget takes effect in July."]
        let new = ["The council approved the budget for the coming year after a four-hour debate on Thursday, with two members voting against.",
                   "The budget takes effect in July."]
        #expect(changedLinks(old, new) == [[old[0], new[0]]])
        #expect(changedLinks(new, old) == [[new[0], old[0]]])
    }

    // MARK: Moved and rewritten

    @Test func aParagraphMovedAndRewrittenLinks() {
        let old = Self.market
        let recast = "Ortiz, Acme's chief executive, told analysts that builders were still ordering strongly."
        let new = [old[0], recast, old[1], old[3]]
        #expect(changedLinks(old, new) == [[old[2], recast]])
    }

    // MARK: Precision guards

    @Test func anUnrelatedReplacementBetweenTheSameNeighboursStaysUnlinked() {
        var new = Self.market
        new[2] = "Trading in the rest of the market was quiet ahead of a holiday."
        #expect(changedLinks(Self.market, new).isEmpty)
    }

    @Test func unrelatedSentencesSharingOnlyCommonWordsStayUnlinked() {
        let old = ["The mayor said the city would review the contract.", "The review is due by the end of the year.",
                   "Residents of the area have complained for years."]
        let new = ["The mayor said the city would review the contract.", "The review is due by the end of the year.",
                   "The river in the north of the state has flooded twice."]
        #expect(changedLinks(old, new).isEmpty)
    }

    @Test func aRemovedNeighbourThatTheNewSentenceDoesNotContainStaysRemoved() {
        let old = ["The council approved the budget for the coming year after a four-hour debate on Thursday. The mayor was absent."]
        let new = ["The council approved the budget for the coming year after a four-hour debate on Thursday night."]
        #expect(changedLinks(old, new) == [["The council approved the budget for the coming year after a four-hour debate on Thursday.",
                                             new[0]]])
    }

    // MARK: Both entry points agree

    @Test func pairsAndLinksAgreeOnTheChangedSentences() {
        let lede = "Acme stock, a market bellwether, fell 2% to about $47 by noon on Tuesday."
        let new = [lede] + Self.market.dropFirst()
        let diff = ParagraphAligner.diff(old: Self.market, new: new)
        let pairs = Set(SentenceAligner.pairs(diff, old: Self.market, new: new).compactMap { pair -> [String]? in
            guard let old = pair.old, let new = pair.new, old != new else { return nil }
            return [old, new]
        })
        #expect(pairs == changedLinks(Self.market, new))
    }

    // MARK: Invariants

    /// However the passes link, every sentence of both versions stands in exactly one link.
    @Test func everySentenceIsInExactlyOneLink() async {
        await propertyCheck(input: Corpus.story, Corpus.story) { old, new in
            let diff = ParagraphAligner.diff(old: old, new: new)
            let links = SentenceAligner.links(diff, old: old, new: new)
            let oldRefs = links.flatMap(\.old).map { [$0.paragraph, $0.index] }
            let newRefs = links.flatMap(\.new).map { [$0.paragraph, $0.index] }
            let oldCount = old.reduce(0) { $0 + SentenceSegmenter.sentences($1).count }
            let newCount = new.reduce(0) { $0 + SentenceSegmenter.sentences($1).count }
            #expect(oldRefs.count == oldCount && Set(oldRefs).count == oldCount)
            #expect(newRefs.count == newCount && Set(newRefs).count == newCount)
        }
    }
}
