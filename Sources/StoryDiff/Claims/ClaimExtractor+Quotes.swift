extension ClaimExtractor {
    /// Direct quotes. A quote mark after a letter or punctuation closes, after a space (or at the
    /// start) opens; text before a closing mark with no opening one began in an earlier
    /// sentence (a quote spanning sentences), text after an opening mark with no closing one
    /// goes on in the next.
    ///
    /// - Complexity: O(n) in the sentence's n bytes when it has no quote mark (looked at byte by
    ///   byte: the marks are U+0022, U+201C and U+201D, the last two E2 80 9C and E2 80 9D),
    ///   else O(n) characters.
    static func quotes(_ sentence: String) -> [String] {
        // No quote-mark scalar, no quote-mark character: nothing opens, nothing closes.
        var hasMark = false
        var afterE2 = false
        var afterE280 = false
        for byte in sentence.utf8 {
            if byte == 0x22 || (afterE280 && (byte == 0x9C || byte == 0x9D)) {
                hasMark = true
                break
            }
            afterE280 = afterE2 && byte == 0x80
            afterE2 = byte == 0xE2
        }
        guard hasMark else { return [] }
        var result: [String] = []
        var current = ""
        var open = false
        var previous: Character = " "
        var sawAnyMark = false
        for character in sentence {
            let isMark = character == "\"" || character == "“" || character == "”"
            if isMark {
                let opensAfter = previous == " " || previous == "(" || previous == "\u{2014}"
                let closing = character == "”" || (character == "\"" && !opensAfter)
                if closing {
                    // Closing with nothing open: the quote began before this sentence.
                    result.append(current.trimmingSpaces())
                    current = ""
                    open = false
                } else {
                    current = ""
                    open = true
                }
                sawAnyMark = true
            } else if open || !sawAnyMark {
                current.append(character)
            }
            previous = character
        }
        if open, !current.isEmpty { result.append(current.trimmingSpaces()) }
        return result.filter { $0.split(separator: " ").count >= 2 }
    }
}
