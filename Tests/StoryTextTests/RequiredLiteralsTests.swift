import Foundation
import TestSupport
import Testing
@testable import StoryText

/// The literals a pattern requires are read correctly, and a text without them never matches:
/// the prefilter may only skip work, never change an answer.
@Suite struct RequiredLiteralsTests {
    @Test func literalsAreReadFromThePattern() {
        func read(_ pattern: String) -> [String]? { RequiredLiterals(pattern: pattern)?.alternatives }
        #expect(read("^(Get|Save|Claim) (up to )?\\d+% off") == ["% off"])
        #expect(read("^(Get|Save|Claim) (up to )?\\d+") == ["Claim", "Get", "Save"])
        #expect(read("(Read more|Click here)\\.?$") == ["Click here", "Read more"])
        #expect(read("^(©|(Copyright|\\(c\\))\\s*(©|\\(c\\))?\\s*\\d{4})") == ["(c)", "Copyright", "©"])
        #expect(read(",?\\s+and\\s+") == ["and"])
        #expect(read("abc?d") == ["ab"])
        #expect(read("x(?:yz)+w") == ["yz"])
        #expect(read("(?<![\\p{L}\\d])(\\d{1,2}):(\\d{2})") == [":"])
        #expect(RequiredLiterals(pattern: "(?i)\\bld-writethru\\b")?.caseInsensitive == true)
        // A branch without literals, or something not understood: no literals, the expression runs.
        #expect(read("foo|\\d+") == nil)
        #expect(read("\\d+") == nil)
        #expect(read("(a)\\1") == nil)
        #expect(read("\\Qa.b\\E") == nil)
        #expect(read("(?m)^x") == nil)
    }

    /// Every pattern of the module and every rule of the archive template, against every
    /// paragraph of the seeds, the sentence test set, and variants of each pattern's own
    /// literals in other cases and with Unicode that folds to ASCII: whenever the expression
    /// matches, the prefilter said it may.
    @Test func aTextTheLiteralsRejectNeverMatches() throws {
        var patterns = [
            WireMetadata.timeLinePattern, WireMetadata.copyrightPattern, Byline.separators, Byline.otherSeparators,
            DatelineParser.pattern, CreditLine.pattern, WireTag.apPattern, TimeParsing.isoPattern,
            TimeParsing.numericPattern, AdvisoryParser.bracketed, AdvisoryParser.editorsNote, AdvisoryParser.numbered,
            AdvisoryParser.ordinal, AdvisoryParser.lead, AdvisoryParser.range, WrittenTimes.monthFirst,
            WrittenTimes.dayFirst, WrittenTimes.monthFirstInText, WrittenTimes.dayFirstInText, WrittenTimes.visibleClock,
        ]
        let template = try JSONSerialization.jsonObject(with: Data(Fixtures.bytes("repo-template/writethru.json")))
        let rules = ((template as? [String: Any])?["boilerplate"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        patterns += rules.compactMap { $0["regex"] as? String }.map(Pattern.init)
        #expect(patterns.count >= 24)
        var texts: [String] = []
        for path in Fixtures.chain {
            texts += String(decoding: try Fixtures.bytes(path), as: UTF8.self).components(separatedBy: "\n")
        }
        for pattern in patterns {
            for literal in RequiredLiterals(pattern: pattern.source)?.alternatives ?? [] {
                texts += [literal, literal.uppercased(), literal.lowercased(), "(" + literal + " by Ann Lee)",
                          literal.capitalized + " on: March 3, 2021 10:40 a.m.", "x " + literal + " 12",
                          literal.replacingOccurrences(of: "s", with: "ſ"), literal.replacingOccurrences(of: "k", with: "\u{212A}"),
                          literal.replacingOccurrences(of: "fi", with: "ﬁ"), literal.replacingOccurrences(of: "ss", with: "ß")]
            }
        }
        texts += ["(Reporting by Ann Lee; Editing by Bo Kim)", "Copyright 2021 Reuters", "© 2021", "Updated: Jan. 5, 2024",
                  "EDs NOTE: fixes", "2nd Ld-Writethru", "Adds quote in paragraphs 4-6", "in the lede", "12:40 pm ET"]
        var checked = 0
        for pattern in patterns {
            for text in texts where pattern.matchesIgnoringLiterals(text) {
                checked += 1
                #expect(pattern.mayMatch(text), "\(pattern.source) matches \(text) but its literals said it cannot")
            }
        }
        #expect(checked > 50)
    }
}
