import Foundation
/// Turns the bytes of an input into text, refusing what is not text.
public enum InputText {
    /// Decodes `bytes` in `charset` (UTF-8 when nil) and normalises line endings to `\n`.
    /// A byte-order mark wins over the declared charset. ISO-8859-1 is read as Windows-1252,
    /// as browsers do. Throws for empty input, binary data (NUL bytes or mostly control
    /// characters), an unknown charset, and bytes the charset cannot decode.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8], charset: String? = nil) throws(ReadingError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return normaliseLineEnds(try decodeUTF16(bytes))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty }
        if looksBinary(body) { throw .binary }
        let offset = bytes.count - body.count
        let text: String
        switch Charset(label: charset ?? "utf-8") {
        case .utf8:
            guard let decoded = String(validating: body, as: UTF8.self) else {
                throw .invalidUTF8(offset: firstInvalidOffset(body) + offset)
            }
            text = decoded
        case .windows1252:
            text = try decodeWindows1252(body, offset: offset)
        case nil:
            throw .unsupportedCharset(charset ?? "")
        }
        return normaliseLineEnds(text)
    }

    /// CRLF and lone CR become LF (on bytes: Foundation's replacing is slow on long text).
    static func normaliseLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A, previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            out.append(previousWasCR ? 0x0A : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    enum Charset {
        case utf8, windows1252

        init?(label: String) {
            switch label.lowercased().trimmingCharacters(in: .whitespaces) {
            case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
            case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1",
                 "iso_8859-1", "us-ascii", "ascii", "cp819", "ibm819", "iso-ir-100":
                self = .windows1252
            default: return nil
            }
        }
    }

    private static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.contains(0) { return true }
        let sample = bytes.prefix(8192)
        let control = sample.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        return control * 10 > sample.count
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }

    private static func decodeUTF16(_ bytes: [UInt8]) throws(ReadingError) -> String {
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0, !body.isEmpty else {
            throw body.isEmpty ? .empty : .undecodable(charset: "UTF-16", offset: bytes.count - 1)
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let a = UInt16(body[index]), b = UInt16(body[index + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            index += 2
        }
        if units.contains(0) { throw .binary }
        var result = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var position = 2
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                result.unicodeScalars.append(scalar)
                position += UTF16.width(scalar) * 2
            case .emptyInput: break loop
            case .error: throw .undecodable(charset: "UTF-16", offset: position)
            }
        }
        if result.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .empty }
        return result
    }

    /// Windows-1252; the five bytes it leaves undefined are an error, not a guess.
    private static func decodeWindows1252(_ bytes: ArraySlice<UInt8>, offset: Int) throws(ReadingError) -> String {
        var scalars = String.UnicodeScalarView()
        for (i, byte) in bytes.enumerated() {
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
                continue
            }
            let mapped = windows1252High[Int(byte) - 0x80]
            guard mapped != 0, let scalar = Unicode.Scalar(mapped) else {
                throw .undecodable(charset: "windows-1252", offset: offset + i)
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Bytes 0x80 to 0x9F of Windows-1252 (0: undefined).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,   // 0x80 to 0x87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,        // 0x88 to 0x8F
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,   // 0x90 to 0x97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,   // 0x98 to 0x9F
    ]
}
