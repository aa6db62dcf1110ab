/// Turns the bytes of an input into text, refusing what is not text.
public enum InputText {
    /// Decodes UTF-8 (a leading byte-order mark is dropped) and normalises line endings to
    /// `\n`. Throws for empty input, binary data (NUL bytes or mostly control characters)
    /// and byte sequences that are not UTF-8.
    public static func decode(_ bytes: [UInt8]) throws(ReadingError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty }
        if looksBinary(body) { throw .binary }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .invalidUTF8(offset: firstInvalidOffset(body) + (bytes.count - body.count))
        }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
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
}
