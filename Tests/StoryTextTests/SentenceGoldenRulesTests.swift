import StoryText
import TestSupport
import Testing

/// The 48 English Golden Rules (`../shared/benchmarks/sentence-golden-rules.json`, read through
/// `GoldenRules`): the segmenter gets every one right.
@Suite struct SentenceGoldenRulesTests {
    @Test func theRulesAreThere() throws {
        #expect(try GoldenRules.load().count == 48)
    }

    @Test func everyRulePasses() {
        let score = GoldenRules.score(SentenceSegmenter.sentences)
        #expect(score.total == 48)
        #expect(score.passed == score.total, "\(score.passed)/\(score.total)\n\(score.failures.joined(separator: "\n"))")
    }
}
