extension ClaimExtractor {
    /// Direct quotes. A quote mark after a letter or punctuation closes, after a space (or at the
    /// start) opens; text before a closing mark with no opening one began in an earlier
    /// sentence (a quote spanning sentences), text after an opening mark with no closing one
    /// goes on in the next.
    static func quotes(_ sentence: String) -> [String] {
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
