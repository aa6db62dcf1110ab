@testable import StoryDiff

/// The scalar tokenizer as it was before `ByteTokenScanner` (2026-12-02), kept verbatim as the
/// reference `WordTokenizerBytesTests` compares the byte scanner with.
/// It cuts text into word-diff tokens. A number with its separators, sign, currency and percent
/// ("1,200", "$85.40", "-3.5%", "53%") is one token, and so is a clock time ("9:40",
/// "21:05:30"); a word keeps its inner apostrophes, hyphens and dots ("China's", "in-person",
/// "U.S"); every other character is a token of its own.
enum ReferenceWordTokenizer {
    static func isCurrency(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "$", "€", "£", "¥": true
        default: false
        }
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "'", "’", "-", ".": true
        default: false
        }
    }

    /// The tokens of `text`; their texts joined give `text` back.
    ///
    /// - Complexity: O(n) in the text's n Unicode scalars (a scalar is looked at no more than twice:
    ///   once as a possible number, once as a word).
    static func tokens(_ text: String) -> [WordToken] {
        let scalars = Array(text.unicodeScalars)
        // Token texts are cut from the UTF-8 bytes: offsets[i] is where scalar i starts.
        let bytes = Array(text.utf8)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { offsets[index + 1] = offsets[index] + UTF8.width(scalar) }
        func string(_ range: Range<Int>) -> String {
            guard !range.isEmpty else { return "" }
            return String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
        }
        var tokens: [WordToken] = []
        var index = 0
        var leading = ""
        while index < scalars.count, isSpace(scalars[index]) {
            leading.unicodeScalars.append(scalars[index])
            index += 1
        }
        if !leading.isEmpty { tokens.append(WordToken(body: "", space: leading, kind: .punctuation)) }
        while index < scalars.count {
            let start = index
            let kind: WordToken.Kind
            if let end = numberEnd(scalars, from: index) {
                index = end
                kind = .number
            } else if isWordScalar(scalars[index]) {
                index += 1
                while index < scalars.count {
                    if isWordScalar(scalars[index]) {
                        index += 1
                    } else if isJoiner(scalars[index]), index + 1 < scalars.count, isWordScalar(scalars[index + 1]),
                              index > start {
                        index += 2
                    } else if let end = clockColonEnd(scalars, at: index), index > start {
                        // "9:40am": a clock time glued to its "am" is one word.
                        index = end
                    } else {
                        break
                    }
                }
                kind = .word
            } else {
                index += 1
                // U+2029 is white space here, so a paragraph-break token never starts in text:
                // only the aligner makes them (ParagraphAlignment.joined).
                kind = .punctuation
            }
            let bodyEnd = index
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            tokens.append(WordToken(body: string(start..<bodyEnd), space: string(bodyEnd..<index), kind: kind))
        }
        return tokens
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: Unicode property lookups cost most of the tokenizer's time.
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39) || value == 0x5F
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }

    private static func isDigit(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index < scalars.count && scalars[index].value >= 0x30 && scalars[index].value <= 0x39
    }

    /// Where the minutes end when the colon at `index` is a clock's: one or two digits before it
    /// (and no third), exactly two after it ("9:40", "21:05", the ":30" of "21:05:30"); nil
    /// otherwise ("2:1", "Section 3:5").
    private static func clockColonEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index < scalars.count, scalars[index] == ":", isDigit(scalars, index + 1), isDigit(scalars, index + 2),
              !isDigit(scalars, index + 3), index > 0, isDigit(scalars, index - 1) else { return nil }
        // The hour (or the minutes before a seconds' colon) is at most two digits.
        if index >= 3, isDigit(scalars, index - 2), isDigit(scalars, index - 3) { return nil }
        return index + 3
    }

    /// The end of a number starting at `index` (currency or sign, digits with `,`/`.`
    /// separators between digits, then `%`), or nil when no number starts there.
    private static func numberEnd(_ scalars: [Unicode.Scalar], from index: Int) -> Int? {
        var position = index
        if position < scalars.count,
           isCurrency(scalars[position]) || scalars[position] == "-" || scalars[position] == "+" {
            // A sign only where a token starts: after whitespace or at the beginning.
            if !isCurrency(scalars[position]), position > 0, !isSpace(scalars[position - 1]) { return nil }
            position += 1
            if position < scalars.count, isCurrency(scalars[position]) { position += 1 }
        }
        guard isDigit(scalars, position) else { return nil }
        while position < scalars.count {
            if isDigit(scalars, position)
                || ((scalars[position] == "," || scalars[position] == ".") && isDigit(scalars, position + 1)) {
                position += 1
            } else if let end = clockColonEnd(scalars, at: position) {
                position = end
            } else {
                break
            }
        }
        if position < scalars.count, scalars[position] == "%" { position += 1 }
        // A number glued to letters ("2nd", "10am", "A320") is a word.
        if position < scalars.count, isWordScalar(scalars[position]) { return nil }
        return position
    }
}
