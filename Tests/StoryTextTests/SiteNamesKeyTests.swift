import Testing
@testable import StoryText

/// The byte-level key of titles holding only ASCII and common punctuation gives what the
/// general, Foundation-folded key gives.
@Suite struct SiteNamesKeyTests {
    static let pieces = ["w", "W", "ww", "www", ".", "www.", "WWW.", "The", "Hill", "9", " ", "-", "|", ":", "’", "‘",
                         "“", "”", "–", "—", "…", "•", "·", "«", "»", "\u{A0}", "‧", "‥", "†", "‖", "&", "'", "\"", "x"]

    @Test func punctuatedKeyMatchesTheFoldedKey() {
        var random = UnreadAttributesTests.Generator(state: 21)
        for _ in 0..<20_000 {
            let text = (0..<random.next(8)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
            guard text.unicodeScalars.allSatisfy({ $0.isASCII || SiteNames.isPlainPunctuation($0) }) else { continue }
            #expect(SiteNames.punctuatedKey(text) == SiteNames.foldedKey(text), "\(text)")
        }
        #expect(SiteNames.key("Storm’s path — The Hill") == "stormspaththehill")
        #expect(SiteNames.key("WWW.TheHill…") == "thehill")
    }
}
