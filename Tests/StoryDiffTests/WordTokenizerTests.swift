import Testing
@testable import StoryDiff

@Suite struct WordTokenizerTests {
    @Test(arguments: [
        ("cut 1,200 jobs", ["cut", "1,200", "jobs"]),
        ("rose to $85.40 a barrel", ["rose", "to", "$85.40", "a", "barrel"]),
        ("fell -3.5% on Friday", ["fell", "-3.5%", "on", "Friday"]),
        ("a 53% stake.", ["a", "53%", "stake", "."]),
        ("U.S.-China in-person talks", ["U.S", ".", "-", "China", "in-person", "talks"]),
        ("\"We agree,\" she said.", ["\"", "We", "agree", ",", "\"", "she", "said", "."]),
        ("the 2nd round", ["the", "2nd", "round"]),
    ])
    func tokens(text: String, bodies: [String]) {
        #expect(WordTokenizer.tokens(text).map(\.body) == bodies)
    }

    /// One rule of the tokenizer each: the bodies and kinds it gives.
    @Test(arguments: [
        // Numbers: separators only between digits, a sign only where a token starts.
        ("€5 and £1.2", ["€5", "and", "£1.2"], "nwn"),
        ("+5 or -5", ["+5", "or", "-5"], "nwn"),
        ("x+5", ["x", "+", "5"], "wpn"),
        ("5-3", ["5", "-", "3"], "npn"),
        ("1,200, then 5.", ["1,200", ",", "then", "5", "."], "npwnp"),
        ("-$5 but $-5", ["-$5", "but", "$", "-", "5"], "nwppn"),
        // A number glued to letters is a word.
        ("A320 and 10am", ["A320", "and", "10am"], "www"),
        // Joiners (apostrophes, hyphens, dots) stay inside a word, not at its ends.
        ("China's don’t -well- e.g", ["China's", "don’t", "-", "well", "-", "e.g"], "wwpwpw"),
        ("'quoted'", ["'", "quoted", "'"], "pwp"),
        // Letters of any script are words; other characters are tokens of their own.
        ("café Zürich — 東京", ["café", "Zürich", "—", "東京"], "wwpw"),
    ])
    func rule(text: String, bodies: [String], kinds: String) {
        Self.expectTokens(text, bodies: bodies, kinds: kinds)
    }

    /// The tokens' bodies, and their kinds as letters (w word, n number, p punctuation, b break).
    static func expectTokens(_ text: String, bodies: [String], kinds: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let tokens = WordTokenizer.tokens(text)
        let letters = tokens.map { token -> Character in
            switch token.kind {
            case .word: "w"
            case .number: "n"
            case .punctuation: "p"
            case .paragraphBreak: "b"
            }
        }
        #expect(tokens.map(\.body) == bodies, sourceLocation: sourceLocation)
        #expect(String(letters) == kinds, sourceLocation: sourceLocation)
    }

    @Test func spacesFollowTheirTokenAndLeadingSpacesAreATokenOfTheirOwn() {
        let tokens = WordTokenizer.tokens("  two  words\n")
        #expect(tokens == [WordToken(body: "", space: "  ", kind: .punctuation),
                           WordToken(body: "two", space: "  ", kind: .word),
                           WordToken(body: "words", space: "\n", kind: .word)])
        #expect(tokens.map(\.text).joined() == "  two  words\n")
        #expect(WordTokenizer.tokens("").isEmpty)
    }

    /// U+2029 is white space: in text it trails a token like a space; only the aligner's
    /// joined paragraphs carry paragraph-break tokens.
    @Test func aParagraphSeparatorInTextIsWhiteSpace() {
        #expect(WordTokenizer.tokens("a\u{2029}b") == [WordToken(body: "a", space: "\u{2029}", kind: .word),
                                                      WordToken(body: "b", space: "", kind: .word)])
    }
}

/// A clock time is one token, so that a changed time shows whole (`[-9:40-]{+9:55+}`), never as
/// `9:[-40-]{+55+}`.
@Suite struct ClockTimeTokenTests {
    @Test(arguments: [
        ("at 9:40 a.m.", ["at", "9:40", "a.m", "."], "wnwp"),
        ("at 21:05:30 GMT", ["at", "21:05:30", "GMT"], "wnw"),
        ("at 9:40am", ["at", "9:40am"], "ww"),
        // Not a clock: one digit after the colon, three digits before it, a colon after a word.
        ("won 2:1, verse 123:45, note: 10", ["won", "2", ":", "1", ",", "verse", "123", ":", "45", ",", "note", ":", "10"],
         "wnpnpwnpnpwpn"),
    ])
    func clockTimes(text: String, bodies: [String], kinds: String) {
        WordTokenizerTests.expectTokens(text, bodies: bodies, kinds: kinds)
    }

    @Test func aChangedClockTimeShowsWhole() {
        let ops = WordDiffer.diff("The blast was heard at 9:40 a.m.", "The blast was heard at 9:55 a.m.").ops
        #expect(ops.contains { $0.kind == .delete && $0.text == "9:40 " })
        #expect(ops.contains { $0.kind == .insert && $0.text == "9:55 " })
    }
}
