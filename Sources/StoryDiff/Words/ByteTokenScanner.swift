/// One token of a text as byte offsets into its UTF-8: the body `start..<bodyEnd`, then the
/// whitespace that follows it up to `end`.
struct TokenSpan {
    var start: Int
    var bodyEnd: Int
    var end: Int
    var kind: WordToken.Kind
}

/// `WordTokenizer`'s rules on a text's UTF-8 bytes, one token at a time, without decoding the
/// text into scalars first or making a `String` per token: the aligner interns the bodies by
/// their bytes, and `WordTokenizer.tokens` cuts its strings from the spans.
///
/// It follows the scalar rules exactly (`WordTokenizerBytesTests` checks it against the scalar
/// tokenizer, kept in the test target, on generated text): ASCII is decided by byte, and a
/// non-ASCII scalar is decoded where a rule looks at it (a letter, a space, a currency sign, the
/// right single quote as a joiner). The digits, signs, separators, colons and percent signs the
/// number rules look at are ASCII, so a byte offset stands for a scalar position: the byte
/// before a scalar is the last byte of the scalar before it, and a continuation byte is never a
/// digit.
///
/// - Complexity: O(n) in the text's n bytes; a byte is looked at a bounded number of times.
struct ByteTokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The scalar starting at byte `index` (a lead byte of valid UTF-8) and its width in bytes.
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, width: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// The width of the word scalar at `index`, or 0 when there is none.
    @inline(__always)
    func wordWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x5F ? 1 : 0
        }
        let (value, width) = scalar(at: index)
        return Unicode.Scalar(value).map { WordTokenizer.isWordScalar($0) } == true ? width : 0
    }

    /// The width of the whitespace scalar at `index`, or 0 when there is none.
    @inline(__always)
    func spaceWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D ? 1 : 0 }
        let (value, width) = scalar(at: index)
        return Unicode.Scalar(value).map { WordTokenizer.isSpace($0) } == true ? width : 0
    }

    /// The width of the currency sign at `index` ($, €, £, ¥), or 0.
    @inline(__always)
    func currencyWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case 0x24: return 1
        case 0xC2: return index + 1 < bytes.count && (bytes[index + 1] == 0xA3 || bytes[index + 1] == 0xA5) ? 2 : 0
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x82 && bytes[index + 2] == 0xAC ? 3 : 0
        default: return 0
        }
    }

    /// The width of the joiner at `index` (', ’, -, .), or 0.
    @inline(__always)
    func joinerWidth(at index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case 0x27, 0x2D, 0x2E: return 1
        case 0xE2: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 ? 3 : 0
        default: return 0
        }
    }

    @inline(__always)
    func isDigit(_ index: Int) -> Bool {
        index >= 0 && index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39
    }

    /// Whether the scalar ending just before byte `index` is whitespace.
    func spaceBefore(_ index: Int) -> Bool {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return spaceWidth(at: start) > 0
    }

    /// `WordTokenizer.clockColonEnd` on bytes: the end of the minutes when the colon at `index`
    /// is a clock's.
    func clockColonEnd(at index: Int) -> Int? {
        guard index < bytes.count, bytes[index] == 0x3A, isDigit(index + 1), isDigit(index + 2), !isDigit(index + 3),
              index > 0, isDigit(index - 1) else { return nil }
        if index >= 3, isDigit(index - 2), isDigit(index - 3) { return nil }
        return index + 3
    }

    /// `WordTokenizer.numberEnd` on bytes.
    func numberEnd(from index: Int) -> Int? {
        var position = index
        guard position < bytes.count else { return nil }
        let currency = currencyWidth(at: position)
        if currency > 0 || bytes[position] == 0x2D || bytes[position] == 0x2B {
            if currency == 0, position > 0, !spaceBefore(position) { return nil }
            position += max(currency, 1)
            position += currencyWidth(at: position)
        }
        guard isDigit(position) else { return nil }
        while position < bytes.count {
            let byte = bytes[position]
            if (byte >= 0x30 && byte <= 0x39) || ((byte == 0x2C || byte == 0x2E) && isDigit(position + 1)) {
                position += 1
            } else if let end = clockColonEnd(at: position) {
                position = end
            } else {
                break
            }
        }
        if position < bytes.count, bytes[position] == 0x25 { position += 1 }
        if wordWidth(at: position) > 0 { return nil }
        return position
    }

    /// The next token, or nil at the end of the text. A text starting with whitespace gives a
    /// first token with an empty body holding it.
    mutating func next() -> TokenSpan? {
        let count = bytes.count
        if position == 0 {
            var end = 0
            while case let width = spaceWidth(at: end), width > 0 { end += width }
            if end > 0 {
                position = end
                return TokenSpan(start: 0, bodyEnd: 0, end: end, kind: .punctuation)
            }
        }
        guard position < count else { return nil }
        let start = position
        var index = position
        let kind: WordToken.Kind
        if let end = numberEnd(from: index) {
            index = end
            kind = .number
        } else if case let width = wordWidth(at: index), width > 0 {
            index += width
            while index < count {
                let word = wordWidth(at: index)
                if word > 0 {
                    index += word
                } else if case let joiner = joinerWidth(at: index), joiner > 0,
                          case let after = wordWidth(at: index + joiner), after > 0 {
                    index += joiner + after
                } else if let end = clockColonEnd(at: index) {
                    index = end
                } else {
                    break
                }
            }
            kind = .word
        } else {
            index += scalar(at: index).width
            kind = .punctuation
        }
        let bodyEnd = index
        while case let width = spaceWidth(at: index), width > 0 { index += width }
        position = index
        return TokenSpan(start: start, bodyEnd: bodyEnd, end: index, kind: kind)
    }

    /// The Unicode scalars in `start..<end` (bytes that do not continue a scalar).
    func scalarCount(_ start: Int, _ end: Int) -> Int {
        var count = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
