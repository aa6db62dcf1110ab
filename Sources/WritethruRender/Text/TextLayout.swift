/// Laying text out on a terminal: its width on screen and word wrapping.
enum TextLayout {
    /// Width on screen: characters, not counting ANSI escape sequences (colour codes take no
    /// room, so a coloured diff wraps where a plain one does).
    ///
    /// - Complexity: O(n) in the unicode scalars of `text`.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }

    /// Greedy word wrap on spaces, measured in visible width: each line takes as many words as
    /// fit, and a word longer than `width` gets a line of its own rather than being cut (a URL or
    /// a number must stay whole to be found again).
    ///
    /// - Complexity: O(n) in the length of `text`: each word is measured once and each line is
    ///   decided once, unlike a balanced wrap, which would compare line breaks.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = visibleWidth(String(word))
            if line.isEmpty {
                line = String(word)
                lineWidth = wordWidth
            } else if lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = String(word)
                lineWidth = wordWidth
            } else {
                line += " " + word
                lineWidth += 1 + wordWidth
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
