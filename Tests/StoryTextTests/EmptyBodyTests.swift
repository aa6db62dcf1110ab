import Foundation
import TestSupport
import Testing
@testable import StoryText

/// A revision whose every paragraph the rules remove, or that holds only a headline, has no
/// story text: it is an error naming what removed the text (it was recorded before).
@Suite struct EmptyBodyTests {
    private func read(_ text: String, format: InputFormat? = nil) throws -> [ReadRevision] {
        try RevisionReader.read(Array(text.utf8), format: format, options: standard)
    }

    @Test func aHeadlineOnlyTextIsNoStory() {
        #expect(throws: ReadingError.noBody(reason: "only a headline")) { try read("Just a headline\n") }
        #expect(throws: ReadingError.noBody(reason: "only a headline and wire metadata (byline, dateline, times, credit lines)")) {
            try read("Storm hits coast\n\nBy Ana Ruiz\n\nReporting by Ana Ruiz; Editing by Sam Cole\n")
        }
    }

    @Test func oneRuleRemovingEverythingIsNamed() {
        let text = "Markets rally\n\nGet 40% Off today\n\nSave 20% off the app\n\nEnjoy 10% OFF now\n\nClaim 50% off\n"
        #expect(throws: ReadingError.noBody(reason: "the boilerplate rule 'promo-discount' removed all 4 paragraphs")) {
            try read(text)
        }
        #expect(throws: ReadingError.noBody(reason: "the boilerplate rule 'ad-label' removed the only paragraph")) {
            try read("Markets rally\n\nAdvertisement\n")
        }
    }

    @Test func theRuleThatRemovedTheMostTextIsNamed() {
        let text = "Markets rally\n\nShare\n\nRisk Disclosure: trading is risky.\n\nFusion Media would like to remind you.\n"
        #expect(throws: ReadingError.noBody(reason: "the boilerplate rules removed all 3 paragraphs; 'risk-disclosure' removed the most text (2 paragraphs)")) {
            try read(text)
        }
    }

    @Test func htmlAndJSONBodiesEmptiedByTheRulesAreNoStory() {
        let html = "<html><head><title>Markets rally</title></head><body><article><p>Advertisement</p><p>Share</p><p>Sponsored content</p></article></body></html>"
        #expect(throws: ReadingError.noBody(reason: "the boilerplate rules removed all 3 paragraphs; 'ad-label' removed the most text (2 paragraphs)")) {
            try read(html)
        }
        #expect(throws: ReadingError.noBody(reason: "only a headline")) { try read(#"{"headline": "Markets rally", "body": ""}"#) }
    }

    @Test func learnedFurnitureIsNamed() {
        struct Seen: FurnitureCatalog {
            func storyCount(of paragraph: String) -> Int { 9 }
        }
        #expect(throws: ReadingError.noBody(reason: "learned furniture (printed in other stories) removed all 2 paragraphs")) {
            try RevisionReader.read(Array("Markets rally\n\nFollow us online.\n\nSee our other stories.\n".utf8),
                                    options: standard, furniture: Seen())
        }
    }
}
