@testable import StoryText
import Testing

/// The hand-written wire matchers answer exactly as the regular expressions they replace, on
/// real-looking lines and on thousands of lines generated from their pieces (a fixed seed).
@Suite struct WireMatchersTests {
    /// Lines built from the pieces the expressions look for, with the characters where their
    /// classes and ICU's `\s` and `\d` draw lines.
    static func lines(from pieces: [String], count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let extras = [" ", "  ", ",", ", ", ".", "-", "–", "—", "(", ")", "'", "’", "\t", "\u{A0}", "\u{0B}", "\u{85}",
                      "\u{2028}", "\u{3000}", "٣", "7", "12", "x", "Z", "é", "K", "\u{212A}", "ſ", ":", "&", "\n"]
        return (0..<count).map { _ in
            var line = ""
            for _ in 0..<(1 + next(6)) {
                line += next(3) == 0 ? extras[next(extras.count)] : pieces[next(pieces.count)]
            }
            return line
        }
    }

    @Test func datelinesMatchTheExpression() {
        let pieces = ["WASHINGTON", "LONDON", "NEW YORK", "ST. LOUIS", "O'HARE", "KYIV", "U.S.", "A", ", March 4", ", Sept. 10",
                      ", Ukraine", ", Tex.", " (Reuters) - ", " (AP) — ", " (Agence France-Presse) – ", "(R&D)", " - ",
                      "The talks", " ", ", ", "Mar", "Septembers 3", " 12 ", "Reuters"]
        let fixed = ["WASHINGTON (Reuters) - Talks began.", "LONDON, March 4 (Reuters) - Shares fell.",
                     "ST. LOUIS, Mo., Jan. 5 (AP) — A storm hit.", "KYIV, Ukraine (Reuters) -",
                     "NEW YORK (Reuters)-Stocks rose", "U.S. officials said on Monday (Reuters) - no"]
        var matched = 0
        for line in fixed + Self.lines(from: pieces, count: 6_000, seed: 7) {
            let expected = DatelineParser.pattern.firstMatchIgnoringLiterals(in: line)
            let found = WireMatchers.dateline(line)
            #expect((expected == nil) == (found == nil), "\(line.debugDescription)")
            guard let expected, let found else { continue }
            matched += 1
            #expect(expected[1] == found.place && expected[2] == found.date && expected[3] == found.agency
                        && expected.range.upperBound == found.end, "\(line.debugDescription)")
        }
        #expect(matched > 100)
    }

    @Test func creditLinesMatchTheExpression() {
        let pieces = ["Reporting", "reporting", "REPORTING", "Additional", "additional ", "Editing", "Writing",
                      "Compiled", "Produced", "by", " by ", "BY", "Ann Lee", "; ", "(", "Reportings", "Report"]
        var matched = 0
        for line in Self.lines(from: pieces, count: 20_000, seed: 11) {
            guard let found = WireMatchers.creditLine(line) else { continue }
            let expected = CreditLine.pattern.firstMatchIgnoringLiterals(in: line) != nil
            #expect(found == expected, "\(line.debugDescription)")
            if found { matched += 1 }
        }
        #expect(matched > 100)
    }

    @Test func timeLinesMatchTheExpression() {
        let pieces = ["Published", "published", "UPDATED", "Updated", "Last updated", "last Updated", "Posted", " on",
                      " On", ":", " ", "  ", "March 4, 2021", "2021-03-04T13:07:00Z", "online", "x"]
        var matched = 0
        for line in Self.lines(from: pieces, count: 6_000, seed: 13) {
            guard let found = WireMatchers.timeLine(line) else { continue }
            let expected = WireMetadata.timeLinePattern.firstMatchIgnoringLiterals(in: line)
            #expect((found == nil) == (expected == nil), "\(line.debugDescription)")
            if let found, let expected {
                matched += 1
                #expect(found.label == expected[1] && found.value == expected[2], "\(line.debugDescription)")
            }
        }
        #expect(matched > 100)
    }

    @Test func isoTimesMatchTheExpression() {
        let pieces = ["2021", "-03", "-04", "T", " ", "13", ":07", ":00", ".123", "Z", "UTC", "GMT", "+05:30", "-0500",
                      "+05:", "2021-03-04", "2021-03-04T13:07", "2021-03-04 13:07:00.5 +01:00", "1", "x"]
        var matched = 0
        for line in Self.lines(from: pieces, count: 8_000, seed: 17) {
            guard let found = WireMatchers.isoTime(line) else { continue }
            let expected = TimeParsing.isoPattern.firstMatchIgnoringLiterals(in: line)
            #expect((found == nil) == (expected == nil), "\(line.debugDescription)")
            if let found, let expected {
                matched += 1
                #expect(found == (1...7).map { expected[$0] }, "\(line.debugDescription)")
            }
        }
        #expect(matched > 100)
    }

    @Test func bylineSeparatorsMatchTheExpression() {
        let pieces = ["Ann Lee", " and ", ", and ", "and", " andrew", "Brand", ",", " ", "  and  ", "AND", "Bo Kim"]
        var checked = 0
        for line in Self.lines(from: pieces, count: 4_000, seed: 19) {
            guard let found = WireMatchers.commasForAnd(line) else { continue }
            checked += 1
            #expect(found == Byline.separators.replacingMatchesIgnoringLiterals(in: line, with: ","), "\(line.debugDescription)")
        }
        #expect(checked > 1_000)
    }

    @Test func bracketsMatchTheExpression() {
        let pieces = ["(Adds quote)", "(", ")", "Updates", "((x)", "(a (b) c)", "é", "\n", " "]
        for line in Self.lines(from: pieces, count: 4_000, seed: 23) {
            let expected = AdvisoryParser.bracketed.matchesIgnoringLiterals(in: line).compactMap { $0[1] }
            #expect(WireMatchers.bracketed(line) == expected, "\(line.debugDescription)")
        }
    }
}

/// The JSON-LD body's markup test answers as the regular expression it replaced.
@Suite struct JSONBodyMarkupTests {
    @Test func markupIsFoundAsTheExpressionFindsIt() {
        let expression = Pattern(#"(?i)<(p|div|br|span|a|h[1-6]|ul|li|strong|em)[\s/>]"#)
        let pieces = ["<p>", "<P ", "<div", "<DIV>", "<br/>", "<span\t", "<a href", "<h1>", "<H6 ", "<h7>", "<ul>", "<li",
                      "<strong>", "<em/", "<emx>", "<pre>", "<ſpan>", "<b>", "text", " ", "\u{A0}", "\u{3000}", "<", ">", "/"]
        for line in WireMatchersTests.lines(from: pieces, count: 5_000, seed: 29) {
            #expect(BodyExtractor.holdsMarkup(line) == expression.matchesIgnoringLiterals(line), "\(line.debugDescription)")
        }
    }
}
