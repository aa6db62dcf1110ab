import Testing
@testable import StoryDiff

/// The relative-date phrases are looked for in the bytes before `contains` compares characters:
/// wherever `contains` finds one, the bytes hold it.
@Suite struct RelativeDateSearchTests {
    @Test func thePhrasesAreASCIILettersAndSpaces() {
        for phrase in ClaimExtractor.relativeDates {
            #expect(!phrase.isEmpty && phrase.utf8.allSatisfy { (0x61...0x7A).contains($0) || $0 == 0x20 }, "\(phrase)")
        }
    }

    @Test func theBytesHoldEveryPhraseThatContainsFinds() {
        // Combining marks, a prepended mark, a Kelvin sign, a fullwidth letter, decomposed and
        // precomposed letters around and inside the phrases.
        let pieces = ["today", "next week", "tod", "ay", " ", "e\u{301}", "\u{E9}", "\u{301}", "\u{600}", "\u{212A}",
                      "\u{FF54}", "y", "t", "last", "week", "\u{200D}", "x", "this year", "\u{1F1FA}\u{1F1F8}", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            for phrase in ClaimExtractor.relativeDates + ["e", "y", "k"] {
                let found = text.contains(phrase)
                #expect(!found || ClaimExtractor.utf8(of: text, holds: phrase), "\(text.debugDescription) \(phrase)")
                #expect(ClaimExtractor.utf8(of: text, holds: phrase) == Array(text.utf8).contains(Array(phrase.utf8)))
            }
        }
    }
}
