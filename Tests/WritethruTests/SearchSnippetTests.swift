import Foundation
import Testing
@testable import Writethru

/// The snippet of a search hit: the query's words marked as the index matches them, long
/// sentences cut around the first match.
@Suite struct SearchSnippetTests {
    static func shown(_ query: String, _ sentence: String) -> String {
        SearchSnippet(query: query).render(sentence)
            .replacingOccurrences(of: String(SearchHit.markStart), with: "[")
            .replacingOccurrences(of: String(SearchHit.markEnd), with: "]")
    }

    @Test func marksTheQuerysWordsFoldedAsTheIndexFoldsThem() {
        #expect(Self.shown("zhao lijian", "Foreign ministry spokesman ZHAO Lijian’s remarks.")
            == "Foreign ministry spokesman [ZHAO Lijian]’s remarks.")
        #expect(Self.shown("Sao Paulo", "Protests in São Paulo grew.") == "Protests in [São Paulo] grew.")
        #expect(Self.shown("migra*", "Migrants and migration, not emigration.")
            == "[Migrants] and [migration], not emigration.")
    }

    @Test func operatorsAndNearDistancesAreNotWordsToMark() {
        #expect(Self.shown("Blinken AND NOT Yang", "Blinken and Yang did not meet.") == "[Blinken] and [Yang] did not meet.")
        #expect(Self.shown("NEAR(talks Anchorage, 5)", "5 talks in Anchorage.") == "5 [talks] in [Anchorage].")
        #expect(Self.shown("\"human rights\" OR text:Uighurs", "Human rights of Uighurs.") == "[Human rights] of [Uighurs].")
        #expect(Self.shown("Quad", "Quad, Quad-led.") == "[Quad], [Quad]-led.")
    }

    @Test func aLongSentenceIsCutAroundItsFirstMatch() {
        let words = (1...100).map { "w\($0)" }
        let sentence = words.joined(separator: " ") + "."
        let shown = Self.shown("w60", sentence)
        #expect(shown.hasPrefix("…w52 w53"), "\(shown)")
        #expect(shown.contains("[w60]"))
        #expect(shown.hasSuffix("w99…"), "\(shown)")
        #expect(Self.shown("w1", sentence).hasPrefix("[w1] w2"))
        #expect(Self.shown("w100", sentence).hasSuffix("[w100]."))
        #expect(Self.shown("nothing", "Short one.") == "Short one.")
    }
}
