import Testing
@testable import StoryText

/// The byte-level scans of the reader answer exactly as the scalar- and index-level code they
/// replaced, on generated text mixing ASCII, spaces, the counted commas and multi-byte
/// characters (issue 14: the reader's output stays byte for byte the same).
@Suite struct ByteScanningTests {
    /// Text from a small alphabet holding every byte pattern the scans tell apart.
    static func texts(seed: UInt64, count: Int) -> [String] {
        let pieces = ["a", "Z", "7", " ", "  ", "\t", "\n", "\n\n", "\u{0C}", "\r", ",", "\u{A0}", "\u{200B}",
                      "\u{FEFF}", "\u{060C}", "\u{3001}", "\u{FF0C}", "é", "e\u{301}", "€", "😀", "\u{2028}", ".", "-"]
        var random = UnreadAttributesTests.Generator(state: seed)
        var texts = ["", " ", "\n\n", "a\n\nb", "\n\n\n\n", "plain words here"]
        for _ in 0..<count {
            texts.append((0..<random.next(24)).map { _ in pieces[random.next(pieces.count)] }.joined())
        }
        return texts
    }

    @Test func measureCountsAsTheScalarWalk() {
        for text in Self.texts(seed: 7, count: 20_000) {
            let bytes = PageStatistics.measure(text), scalars = PageStatistics.measureScalars(text)
            #expect(bytes == scalars, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            // A substring's copy measures the same.
            #expect(PageStatistics.measure(String(Substring(text))) == scalars)
        }
    }

    @Test func scalarCountIsTheUnicodeScalarCount() {
        for text in Self.texts(seed: 11, count: 5_000) {
            #expect(UTF8Bytes.scalarCount(text) == text.unicodeScalars.count)
            #expect(UTF8Bytes.scalarCount(text.dropFirst()) == text.dropFirst().unicodeScalars.count)
        }
    }

    @Test func piecesCutAsTheIndexWalk() {
        for text in Self.texts(seed: 13, count: 20_000) {
            #expect(Blocks.Collector.pieces(of: text) == Blocks.Collector.piecesByIndex(of: text), "\(text.debugDescription)")
        }
    }

    @Test func containsBytesFindsWhatABytewiseSearchFinds() {
        let needles = ["", "a", "aa", "\n\n", "é", "e\u{301}", "All Rights Reserved", "😀", ",,"]
        for text in Self.texts(seed: 17, count: 5_000) + ["All Rights Reserved", "xAll Rights Reserve"] {
            let haystack = Array(text.utf8)
            for needle in needles {
                let pattern = Array(needle.utf8)
                let expected = pattern.isEmpty || (haystack.count >= pattern.count
                    && (0...(haystack.count - pattern.count)).contains { Array(haystack[$0..<($0 + pattern.count)]) == pattern })
                #expect(text.containsBytes(needle) == expected, "\(text.debugDescription) \(needle)")
                #expect(text.dropFirst(0).containsBytes(needle) == expected)
            }
        }
    }

    @Test func normalizeSpacesOfSubstringsMatchesTheirStrings() {
        for text in Self.texts(seed: 19, count: 5_000) {
            let whole = TextReader.normalizeSpaces(text)
            #expect(TextReader.normalizeSpaces(Substring(text)) == whole)
            #expect(TextReader.normalizeSpaces(Substring(" " + text).dropFirst()) == whole)
        }
    }
}
