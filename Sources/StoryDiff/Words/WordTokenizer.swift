/// Cuts text into word-diff tokens. A number with its separators, sign, currency and percent
/// ("1,200", "$85.40", "-3.5%", "53%") is one token, and so is a clock time ("9:40",
/// "21:05:30"); a word keeps its inner apostrophes, hyphens and dots ("China's", "in-person",
/// "U.S"); every other character is a token of its own.
public enum WordTokenizer {
    /// Marks the boundary between paragraphs in a split or a merge.
    public static let paragraphBreak = "\u{2029}"

    /// The tokens of `text`; their texts joined give `text` back.
    ///
    /// - Complexity: O(n) in the text's n UTF-8 bytes (`ByteTokenScanner`, which applies these
    ///   rules to the bytes).
    public static func tokens(_ text: String) -> [WordToken] {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = ByteTokenScanner(bytes)
            var tokens: [WordToken] = []
            func string(_ start: Int, _ end: Int) -> String {
                start == end ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            while let span = scanner.next() {
                tokens.append(WordToken(body: string(span.start, span.bodyEnd), space: string(span.bodyEnd, span.end),
                                        kind: span.kind))
            }
            return tokens
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: Unicode property lookups cost most of the tokenizer's time.
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39) || value == 0x5F
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }
}
