@testable import StoryText
import Testing

/// The page-length byte scans give exactly what the standard library's slower loops give.
@Suite struct UTF8BytesTests {
    static func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(UTF8Bytes.isValid) }
    static func reference(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// Every sequence of one and two bytes, and every three- and four-byte sequence over the
    /// bytes where the rules change (the lead bytes, the edges of the continuation ranges),
    /// behind ASCII of every length up to 17 so that the eight-byte skip ends at each offset.
    @Test func validationAgreesWithTheStandardLibrary() {
        for a in 0...255 {
            for b in 0...255 {
                let pair = [UInt8(a), UInt8(b)]
                #expect(Self.valid(pair) == Self.reference(pair), "\(pair)")
            }
        }
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                              0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for a in edges {
            for b in edges {
                for c in edges {
                    for d in [UInt8(0x80), 0xBF, 0x41] {
                        for padding in [0, 7, 8, 9, 17] {
                            let bytes = [UInt8](repeating: 0x61, count: padding) + [a, b, c, d]
                            #expect(Self.valid(bytes) == Self.reference(bytes), "\(bytes)")
                        }
                    }
                }
            }
        }
    }

    /// Random pages of mostly ASCII with multi-byte characters and stray bytes, from a fixed seed.
    @Test func validationAgreesOnRandomPages() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [[UInt8]] = [Array("<p>Ünïcödé – “quoted” 東京 😀</p>".utf8), [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], Array("plain ascii text ".utf8)]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 12) {
                bytes += [UInt8](repeating: 0x20 + UInt8(next() % 90), count: Int(next() % 20))
                if next() % 3 == 0 { bytes += pieces[Int(next() % UInt64(pieces.count))] }
            }
            #expect(Self.valid(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    @Test func lineEndsBecomeLineFeeds() {
        for (text, expected) in [("a\r\nb\rc\n\r\n", "a\nb\nc\n\n"), ("\r", "\n"), ("\r\r\n", "\n\n"), ("none", "none"),
                                 ("", ""), ("x\r", "x\n"), ("é\r\nü", "é\nü")] {
            let bytes = Array(text.utf8)
            let normalised = bytes.withUnsafeBufferPointer(UTF8Bytes.normalisingLineEnds)
            #expect(String(decoding: normalised, as: UTF8.self) == expected)
            #expect(String(decoding: normalised, as: UTF8.self) == InputText.normaliseLineEnds(text))
        }
    }

    @Test func whitespaceIsUnicodeWhiteSpace() {
        #expect(UTF8Bytes.isWhitespace(Array(" \t\n\u{0B}\u{0C}\r".utf8)))
        #expect(UTF8Bytes.isWhitespace(Array(" \u{00A0}\u{3000}\u{2028} ".utf8)))
        #expect(!UTF8Bytes.isWhitespace(Array("  <html>".utf8)))
        #expect(!UTF8Bytes.isWhitespace(Array("\u{00A0}é".utf8)))
        #expect(UTF8Bytes.isWhitespace([]))
    }
}
