import Testing
@testable import StoryDiff

/// The byte scanner (`ByteTokenScanner`, behind `WordTokenizer.tokens`) against the scalar
/// tokenizer it replaced (`ReferenceWordTokenizer`) on generated text full of the pieces its
/// rules look at: digits with separators, colons, signs and currency signs, joiners, letters of
/// several scripts and widths, combining marks, and ASCII and Unicode whitespace.
@Suite struct WordTokenizerBytesTests {
    static let pieces = [
        "a", "Z", "x", "port", "_", "0", "1", "9", "12", "2026", ",", ".", ":", "%", "$", "€", "£", "¥", "-", "+",
        "'", "’", "‘", "“", "”", "\"", "(", ")", "/", "é", "ø", "Zürich", "東京", "e\u{301}", "\u{212A}", "👍", "١٢",
        "½", "Ⅻ", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{2029}", "\u{2028}", "\u{3000}",
        "\u{B}", "9:40", "am", "1,200", "3.5", "U.S", "—", "–", "…", "\u{200B}",
    ]

    @Test func theSameTokensAsTheScalarTokenizer() {
        var random = WordDiffMyersTests.Generator(state: 31)
        for round in 0..<6000 {
            let count = random.next(round % 10 == 0 ? 80 : 16)
            let text = (0..<count).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
            let tokens = WordTokenizer.tokens(text)
            let reference = ReferenceWordTokenizer.tokens(text)
            #expect(tokens == reference, "\(Array(text.unicodeScalars))")
            if tokens != reference { return }
        }
    }

    @Test func everyTokenizerRuleAgrees() {
        for text in ["", " ", "  lead", "x-", "-x", " -5", "a-5", "€-5", "-€5", "$$5", "5%%", "5%a", "12:30pm", "123:45",
                     "1:2", "1:234", "9:40:15", "a:40", "1,", "1,,2", "1.2.3", "e.g.", "don’t", "’tis", "x’", "\u{A0}-5",
                     "\u{2003}+5", "é-5", "東5", "5東", "£", "€", "¥5", "$€5", "1\u{301}"] {
            #expect(WordTokenizer.tokens(text) == ReferenceWordTokenizer.tokens(text), "\(text)")
        }
    }

    /// `WordDiffer.isSlight(kind:body:)` (bytes) against `isSlight(_:)` (strings) on every
    /// slight word, every quote mark, their neighbours and generated tokens.
    @Test func slightByBytesAsByString() {
        var texts = Array(WordDiffer.slightWords) + ["The", "A", "thE", "that's", "an'", "‚", "‛", "„", "«", "»", "‹",
                                                      "“", "”", "‘", "’", "\"", "'", "`", "´", "—", ",", "-", "all", "x"]
        var random = WordDiffMyersTests.Generator(state: 5)
        for _ in 0..<2000 {
            texts.append((0..<random.next(6)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined())
        }
        for text in texts {
            for token in WordTokenizer.tokens(text) + WordTokenizer.tokens("x " + text) {
                var body = token.body
                let byBytes = body.withUTF8 { WordDiffer.isSlight(kind: token.kind, body: $0) }
                #expect(byBytes == WordDiffer.isSlight(token), "\(token)")
            }
        }
    }
}
