import Foundation
/// Turns the bytes of a text or JSON input into text, refusing what is not text. (HTML pages
/// are decoded as browsers decode them, with replacement characters: `HTMLDecoding`.)
public enum InputText {
    /// Decodes `bytes` as UTF-8 (or UTF-16 with a byte-order mark; a UTF-8 one is dropped) and
    /// normalises line endings to `\n`. Throws for empty input, binary data (NUL bytes or mostly
    /// control characters), and bytes that are not valid UTF-8 or UTF-16, naming the offset of
    /// the first bad one.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8]) throws(ReadingError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return normaliseLineEnds(try decodeUTF16(bytes))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty }
        if looksBinary(body) { throw .binary }
        let offset = bytes.count - body.count
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalidUTF8(offset: firstInvalidOffset(body) + offset)
        }
        return normaliseLineEnds(text)
    }

    /// CRLF and lone CR become LF (on bytes: Foundation's replacing is slow on long text).
    static func normaliseLineEnds(_ text: String) -> String {
        guard text.containsByte(0x0D) else { return text }
        var text = text
        return text.withUTF8 { String(decoding: UTF8Bytes.normalisingLineEnds($0), as: UTF8.self) }
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
}
