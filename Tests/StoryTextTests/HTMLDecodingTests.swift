import Foundation
import TestSupport
import Testing
@testable import StoryText

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A page around `body` bytes, declaring `charset` when given.
private func page(charset: String?, title: [UInt8], body: [UInt8]) -> [UInt8] {
    let meta = charset.map { "<meta charset=\"\($0)\">" } ?? ""
    return bytes("<html><head>\(meta)<title>") + title + bytes("</title></head><body><article><p>") + body
        + bytes(" said on Monday.</p></article></body></html>")
}

private func decoded(_ data: [UInt8]) throws -> HTMLDecoding { try HTMLDecoding.decode(data) }

/// HTML is decoded as browsers decode it (WHATWG Encoding Standard): docs/reading.md, "Decoding".
@Suite struct HTMLDecodingTests {
    /// A `<meta charset>` that starts inside the first 1,024 bytes and ends after them was cut
    /// to "ut", and a plain UTF-8 page was refused as declaring an unknown encoding.
    @Test func aDeclarationStraddlingTheSniffingWindowIsReadToItsEnd() throws {
        let prefix = "<html><head><!-- " + String(repeating: "x", count: 1024 - 17 - 4 - 8) + " -->"
        let html = prefix + "<meta charset=\"utf-8\"><title>Café owners wary</title></head><body><article>"
            + "<p>Café owners said on Monday they were wary of new rules.</p></article></body></html>"
        let start = try #require(html.utf8.firstRange(of: "<meta".utf8)).lowerBound
        let offset = html.utf8.distance(from: html.utf8.startIndex, to: start)
        #expect(offset < 1024 && offset + 22 > 1024, "the declaration must straddle byte 1,024")
        #expect(CharsetSniffer.declaredEncoding(bytes(html)) == .utf8)
        let read = try #require(try RevisionReader.read(bytes(html), options: standard).first)
        #expect(read.revision.headline == "Café owners wary")
        #expect(read.revision.paragraphs == ["Café owners said on Monday they were wary of new rules."])
        #expect(read.replaced == 0)
    }

    @Test func aDeclarationStartingAfterTheWindowIsNotSeen() {
        let html = "<html><head>" + String(repeating: " ", count: 1024) + "<meta charset=\"koi8-r\"></head></html>"
        #expect(CharsetSniffer.declaredEncoding(bytes(html)) == nil)
    }

    @Test(arguments: [
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">", "ISO-8859-2"),
        ("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=\"windows-1251\"'>", "windows-1251"),
        ("<meta content=\"text/html; charset=koi8-r\" http-equiv=\"Content-Type\">", "KOI8-R"),
        ("<meta charset=utf-16>", "UTF-8"),
        ("<meta charset=\"x-user-defined\">", "windows-1252"),
        ("<meta charset=\"bogus\"><meta charset=\"latin1\">", "windows-1252"),
        ("<meta/charset=euc-kr>", "EUC-KR"),
    ])
    func declarationsAreFoundAsThePrescanFindsThem(head: String, encoding: String) {
        #expect(CharsetSniffer.declaredEncoding(bytes("<html><head>" + head + "</head>"))?.name == encoding)
    }

    @Test(arguments: [
        "<meta content=\"text/html; charset=koi8-r\">",   // a content attribute needs http-equiv
        "<!-- <meta charset=\"koi8-r\"> -->",               // inside a comment
        "<a title=\"<meta charset=koi8-r>\">x</a>",          // inside another tag's attribute
        "<meta charset=\"iso-2022-kr\">",                  // the standard's replacement encoding
        "<meta charset=\"no-such-charset\">",
        "<meta charset=\"koi8-r\"",                        // the page ends inside the tag
    ])
    func otherTextIsNotADeclaration(head: String) {
        #expect(CharsetSniffer.declaredEncoding(bytes("<html><head>" + head)) == nil)
    }

    @Test(arguments: [
        ("utf8", "UTF-8"), (" UTF-8 ", "UTF-8"), ("unicode-1-1-utf-8", "UTF-8"),
        ("iso-8859-1", "windows-1252"), ("latin1", "windows-1252"), ("us-ascii", "windows-1252"),
        ("ascii", "windows-1252"), ("ANSI_X3.4-1968", "windows-1252"), ("cp1252", "windows-1252"),
        ("utf-16", "UTF-16LE"), ("utf-16be", "UTF-16BE"), ("unicodefffe", "UTF-16BE"),
        ("iso-8859-9", "windows-1254"), ("latin2", "ISO-8859-2"), ("iso-8859-16", "ISO-8859-16"),
        ("koi8-u", "KOI8-U"), ("sjis", "Shift_JIS"), ("windows-31j", "Shift_JIS"), ("x-euc-jp", "EUC-JP"),
        ("csiso2022jp", "ISO-2022-JP"), ("gb2312", "GBK"), ("gb18030", "gb18030"), ("big5-hkscs", "Big5"),
        ("ks_c_5601-1987", "EUC-KR"), ("tis-620", "windows-874"), ("cp1258", "windows-1258"),
    ])
    func labelsNameTheStandardsEncodings(label: String, name: String) {
        #expect(Encoding.forLabel(label)?.name == name)
    }

    @Test func unknownLabelsAreNotEncodings() {
        for label in ["utf-7", "iso-2022-kr", "hz-gb-2312", "replacement", "", "latin-1x"] {
            #expect(Encoding.forLabel(label) == nil, "\(label)")
        }
    }

    @Test(arguments: [
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        ("shift_jis", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        ("euc-jp", [0xC6, 0xFC, 0xCB, 0xDC], "日本"),
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42], "日本"),
        ("gbk", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        ("gb18030", [0x94, 0x39, 0xFC, 0x36], "😀"),
        ("big5", [0xA4, 0xA4, 0xA4, 0xE5], "中文"),
        ("euc-kr", [0xC7, 0xD1, 0xB1, 0xB9], "한국"),
        ("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
        ("iso-8859-7", [0xC5, 0xEB, 0xEB, 0xDC, 0xE4, 0xE1], "Ελλάδα"),
        ("windows-1251", [0xCC, 0xE8, 0xF0], "Мир"),
        ("iso-8859-9", [0xF0], "ğ"),
    ] as [(String, [UInt8], String)])
    func legacyEncodingsAreDecodedThroughIconv(charset: String, word: [UInt8], text: String) throws {
        let result = try decoded(page(charset: charset, title: word, body: word))
        #expect(result.text.contains("<title>\(text)</title>"))
        #expect(result.text.contains("<p>\(text) said on Monday."))
        #expect(result.replaced == 0)
    }

    @Test func anInvalidByteInALegacyEncodingIsReplacedAndDecodingGoesOn() throws {
        // 0x80 starts no Shift_JIS character; 0x93 at the very end is half of one.
        let result = try decoded(page(charset: "shift_jis", title: [0x93, 0xFA], body: [0x80, 0x96, 0x7B]) + [0x93])
        #expect(result.text.contains("<title>日</title>"))
        #expect(result.text.contains("<p>\u{FFFD}本 said"))
        #expect(result.text.hasSuffix("\u{FFFD}"))
        #expect(result.replaced == 2)
    }

    /// Each maximal subpart of an ill-formed sequence is one U+FFFD (WHATWG; Unicode 3.9, table 3-8).
    @Test(arguments: [
        ([0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64], "a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d", 6),
        ([0xED, 0xA0, 0x80, 0x61], "\u{FFFD}\u{FFFD}\u{FFFD}a", 3),
        ([0xE0, 0x80, 0x61], "\u{FFFD}\u{FFFD}a", 2),
        ([0xF0, 0x9F, 0x98], "\u{FFFD}", 1),
        ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}", 2),
        ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", 4),
        ([0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80], "€😀", 0),
    ] as [([UInt8], String, Int)])
    func utf8ReplacesMaximalSubparts(input: [UInt8], expected: String, replaced: Int) {
        let result = ReplacingDecoders.utf8(input[...])
        #expect(String(decoding: result.utf8, as: UTF8.self) == expected)
        #expect(result.replaced == replaced)
    }

    @Test func strayBytesAndNULsInAUTF8PageAreReplacedAndCounted() throws {
        let html = page(charset: "utf-8", title: bytes("Caf\u{e9}"), body: [0x43, 0x61, 0x66, 0xE9, 0x00, 0x21])
        let read = try #require(try RevisionReader.read(html, options: standard).first)
        #expect(read.revision.headline == "Café")
        #expect(read.revision.paragraphs == ["Caf\u{FFFD}\u{FFFD}! said on Monday."])
        #expect(read.replaced == 2)
        #expect(read.evidence == html)
    }

    @Test func withoutADeclarationUTF8IsTriedBeforeWindows1252() throws {
        #expect(try decoded(page(charset: nil, title: bytes("Café"), body: bytes("Café"))).encoding == "UTF-8")
        let latin1 = try decoded(page(charset: nil, title: [0x43, 0x61, 0x66, 0xE9], body: [0x93, 0x41, 0x94]))
        #expect(latin1.encoding == "windows-1252")
        #expect(latin1.text.contains("<title>Café</title>") && latin1.text.contains("“A”"))
        #expect(latin1.replaced == 0)
        // Mostly UTF-8 with one stray byte: UTF-8, the stray byte replaced.
        let stray = try decoded(page(charset: nil, title: bytes("Café – “news”"), body: bytes("Zürich") + [0xFF]))
        #expect(stray.encoding == "UTF-8")
        #expect(stray.text.contains("Zürich\u{FFFD} said"))
        #expect(stray.replaced == 1)
    }

    @Test func anUnknownDeclarationIsIgnored() throws {
        let utf8 = try decoded(page(charset: "no-such-charset", title: bytes("Café"), body: bytes("Café")))
        #expect(utf8.encoding == "UTF-8")
        #expect(utf8.text.contains("<title>Café</title>"))
        let latin1 = try decoded(page(charset: "no-such-charset", title: [0x43, 0x61, 0x66, 0xE9], body: []))
        #expect(latin1.encoding == "windows-1252")
        #expect(latin1.text.contains("<title>Café</title>"))
    }

    @Test func windows1252DecodesEveryByte() throws {
        let result = try decoded(page(charset: "windows-1252", title: [0x80, 0x81, 0x9F], body: [0x96]))
        #expect(result.text.contains("<title>€\u{81}Ÿ</title>"))
        #expect(result.text.contains("<p>– said"))
        #expect(result.replaced == 0)
    }

    @Test func aByteOrderMarkWinsOverTheDeclaration() throws {
        let html = "<html><head><meta charset=\"windows-1252\"><title>Zürich \u{1F600}</title></head></html>"
        let littleEndian: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigEndian: [UInt8] = [0xFE, 0xFF] + html.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decoded(littleEndian).text == html)
        #expect(try decoded(bigEndian).encoding == "UTF-16BE")
        #expect(try decoded(bigEndian).text == html)
        #expect(try decoded([0xEF, 0xBB, 0xBF] + bytes(html)).text == html)
        // A lone surrogate and an odd last byte are replaced.
        let broken: [UInt8] = [0xFF, 0xFE] + bytes("<p>").flatMap { [$0, 0] } + [0x00, 0xD8, 0x41, 0x00, 0x41]
        let result = try decoded(broken)
        #expect(result.text == "<p>\u{FFFD}A\u{FFFD}")
        #expect(result.replaced == 2)
    }

    @Test func binaryDataIsStillRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
            + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 / 3) }
        #expect(throws: ReadingError.binary) { try HTMLDecoding.decode(png) }
        #expect(throws: ReadingError.binary) { try RevisionReader.read(png, format: .html) }
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00] + (0..<4000).map { UInt8(truncatingIfNeeded: ($0 &* 2654435761) >> 13) }
        #expect(throws: ReadingError.binary) { try HTMLDecoding.decode(gzip) }
        #expect(throws: ReadingError.empty) { try HTMLDecoding.decode(bytes(" \n\t")) }
        #expect(throws: ReadingError.empty) { try HTMLDecoding.decode([0xEF, 0xBB, 0xBF]) }
    }

    @Test func plainTextStaysStrict() {
        #expect(throws: ReadingError.invalidUTF8(offset: 13)) {
            try RevisionReader.read(bytes("Headline\n\nCaf") + [0xE9] + bytes(" news."), format: .text)
        }
        #expect(throws: ReadingError.binary) { try RevisionReader.read(bytes("Headline\n\nA\u{0}B."), format: .text) }
    }
}
