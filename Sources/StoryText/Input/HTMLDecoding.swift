/// An HTML page's bytes decoded as a browser decodes them (the WHATWG Encoding Standard and
/// the HTML standard's encoding sniffing): a byte-order mark first, then the charset the page
/// declares near its top, else UTF-8 when the bytes are UTF-8, else windows-1252. What cannot
/// be decoded, and every NUL, becomes U+FFFD and is counted, never refused: the input itself is
/// kept byte for byte beside what was read. docs/reading.md, "Decoding".
public struct HTMLDecoding: Sendable, Equatable {
    /// The text as UTF-8 (well-formed), line ends normalised to `\n`: what the HTML reader
    /// reads, without a `String` of the whole page.
    public var utf8: [UInt8]
    /// The text, line ends normalised to `\n`.
    public var text: String { String(decoding: utf8, as: UTF8.self) }
    /// The Encoding Standard's name of the encoding read, such as `UTF-8` or `Shift_JIS`.
    public var encoding: String
    /// How many U+FFFD stand for bytes that could not be decoded, or for NUL characters.
    public var replaced: Int

    /// Decodes a page. Throws only for empty input, input that is all whitespace, binary data
    /// (more than 5% control bytes in its first 8 KiB: a PNG, a gzip stream), and a legacy
    /// encoding this system's iconv lacks.
    ///
    /// - Complexity: O(n) in the number of bytes (the prescan reads at most the first KiB and
    ///   the tag that straddles it).
    public static func decode(_ bytes: [UInt8]) throws(ReadingError) -> HTMLDecoding {
        let mark = CharsetSniffer.byteOrderMark(bytes)
        let body = bytes.dropFirst(mark?.length ?? 0)
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) { throw .empty }
        let declared = mark?.encoding ?? CharsetSniffer.declaredEncoding(bytes)
        // The common case, a valid UTF-8 page (declared so, or undeclared) without NULs: validated
        // once, copied once.
        let mayBeUTF8 = declared.map { if case .utf8 = $0.decoder { true } else { false } } ?? true
        if mayBeUTF8, !looksBinary(body), let utf8 = body.withContiguousStorageIfAvailable({ buffer -> [UInt8]? in
            guard UTF8Bytes.firstOffset(of: 0, in: buffer) == nil, UTF8Bytes.isValid(buffer) else { return nil }
            return UTF8Bytes.normalisingLineEnds(buffer)
        }), let utf8 {
            if UTF8Bytes.isWhitespace(utf8) { throw .empty }
            return HTMLDecoding(utf8: utf8, encoding: (declared ?? .utf8).name, replaced: 0)
        }
        let encoding = declared ?? undeclaredEncoding(body)
        let isUTF16 = encoding == .utf16LittleEndian || encoding == .utf16BigEndian
        if !isUTF16, looksBinary(body) { throw .binary }
        var (utf8, replaced) = try decode(body, as: encoding)
        if isUTF16, looksBinary(utf8[...]) { throw .binary }
        if utf8.contains(0) {
            var replacedNULs: [UInt8] = []
            replacedNULs.reserveCapacity(utf8.count + 16)
            for byte in utf8 {
                if byte == 0 {
                    replacedNULs += ReplacingDecoders.replacement
                    replaced += 1
                } else {
                    replacedNULs.append(byte)
                }
            }
            utf8 = replacedNULs
        }
        // The decoders write well-formed UTF-8; should one not, the standard library repairs it.
        if !utf8.withUnsafeBufferPointer(UTF8Bytes.isValid) { utf8 = Array(String(decoding: utf8, as: UTF8.self).utf8) }
        let normalised = utf8.withUnsafeBufferPointer(UTF8Bytes.normalisingLineEnds)
        if UTF8Bytes.isWhitespace(normalised) { throw .empty }
        return HTMLDecoding(utf8: normalised, encoding: encoding.name, replaced: replaced)
    }

    /// UTF-8 when the bytes are UTF-8, or mostly so (more well-formed multi-byte sequences than
    /// ill-formed ones: a UTF-8 page with a stray byte); else windows-1252, the standard's
    /// default for pages that say nothing.
    static func undeclaredEncoding(_ bytes: ArraySlice<UInt8>) -> Encoding {
        if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
        var wellFormed = 0
        var illFormed = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            guard lead >= 0x80 else {
                index += 1
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            let end = min(index + length, bytes.endIndex)
            if lead >= 0xC2, lead <= 0xF4, String(validating: bytes[index..<end], as: UTF8.self) != nil {
                wellFormed += 1
                index = end
            } else {
                illFormed += 1
                index += 1
            }
        }
        return illFormed == 0 || wellFormed > illFormed ? .utf8 : .windows1252
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, as encoding: Encoding) throws(ReadingError)
        -> (utf8: [UInt8], replaced: Int) {
        switch encoding.decoder {
        case .utf8:
            if String(validating: bytes, as: UTF8.self) != nil { return (Array(bytes), 0) }
            return ReplacingDecoders.utf8(bytes)
        case .utf16LittleEndian: return ReplacingDecoders.utf16(bytes, littleEndian: true)
        case .utf16BigEndian: return ReplacingDecoders.utf16(bytes, littleEndian: false)
        case .windows1252: return (ReplacingDecoders.windows1252(bytes), 0)
        case .iconv(let name):
            guard let decoded = IconvDecoder.decode(bytes, from: name) else {
                throw .unsupportedCharset(encoding.name)
            }
            return decoded
        }
    }

    /// More than 5% control bytes (NUL, and those below space but tab, line ends and form feed)
    /// in the first 8 KiB. Real pages hold almost none; compressed or image data about 11%.
    private static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        let control = sample.count(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C })
        return control * 20 > sample.count
    }
}
