import Testing
@testable import StoryText

@Suite struct PatternTests {
    @Test func everyPatternCompiles() {
        let patterns = [
            WireMetadata.timeLinePattern, WireMetadata.copyrightPattern, Byline.separators, DatelineParser.pattern,
            CreditLine.pattern, WireTag.apPattern, TimeParsing.isoPattern,
            TimeParsing.numericPattern, AdvisoryParser.bracketed, AdvisoryParser.editorsNote, AdvisoryParser.numbered,
            AdvisoryParser.ordinal, AdvisoryParser.lead, AdvisoryParser.range,
        ]
        for pattern in patterns {
            #expect(pattern.compiles, "\(pattern.source)")
        }
    }
}
