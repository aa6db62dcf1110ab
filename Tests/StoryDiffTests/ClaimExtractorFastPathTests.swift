import Testing
@testable import StoryDiff

/// The byte-level fast paths of the claim extractor give what the character-level code gives.
@Suite struct ClaimExtractorFastPathTests {
    static let pieces = ["U", ".", "S", ",", "\"", "“", "”", "'", "‘", "’", "(", ")", "?", "!", ";", ":", "a", "Yi",
                         "é", "e\u{301}", "\r\n", "’s", "-", "9", "—", " "]

    @Test func stripMatchesTheCharacterLevelStrip() {
        var random = WordDiffMyersTests.Generator(state: 7)
        for _ in 0..<20_000 {
            let word = (0..<random.next(7)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
            #expect(ClaimExtractor.strip(word) == ClaimExtractor.strippedCharacters(word), "\(word)")
        }
    }

    @Test func aSentenceWithoutQuoteMarksHasNoQuotes() {
        var random = WordDiffMyersTests.Generator(state: 8)
        for _ in 0..<5_000 {
            let sentence = (0..<random.next(12)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
            let quotes = ClaimExtractor.quotes(sentence)
            if !sentence.contains(where: { $0 == "\"" || $0 == "“" || $0 == "”" }) { #expect(quotes.isEmpty) }
        }
        #expect(ClaimExtractor.quotes("He said \"the talks were frank\" on Monday.") == ["the talks were frank"])
        #expect(ClaimExtractor.quotes("He said “the talks were frank,” then left.") == ["the talks were frank"])
    }
}

extension ClaimExtractorFastPathTests {
    @Test func spaceSeparatedMatchesTheCharacterSplit() {
        var random = WordDiffMyersTests.Generator(state: 9)
        let pieces = Self.pieces + ["  ", " \u{301}", "\u{301}", "a b", " “", "” "]
        for _ in 0..<20_000 {
            let sentence = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(ClaimExtractor.spaceSeparated(sentence) == sentence.split(separator: " ").map(String.init),
                    "\(sentence)")
        }
    }
}
