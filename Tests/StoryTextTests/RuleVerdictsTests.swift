import Testing
@testable import StoryText

/// The boilerplate memo stays within its bounds however long and many the paragraphs are.
@Suite struct RuleVerdictsTests {
    @Test func manyLongDistinctParagraphsStayWithinTheByteBudget() {
        let memo = RuleVerdicts()
        let long = String(repeating: "A long paragraph of story text that no rule matches. ", count: 400)
        for number in 0..<2_000 {
            _ = memo.verdict(for: long + String(number)) { -1 }
            #expect(memo.held.bytes <= RuleVerdicts.byteCapacity)
        }
        #expect(memo.held.paragraphs > 0)
    }

    @Test func aKnownParagraphIsNotComputedAgain() {
        let memo = RuleVerdicts()
        var computed = 0
        for _ in 0..<3 { _ = memo.verdict(for: "Advertisement") { computed += 1; return 2 } }
        #expect(computed == 1)
        #expect(memo.verdict(for: "Advertisement") { 0 } == 2)
        #expect(memo.held == (1, 13))
    }
}
