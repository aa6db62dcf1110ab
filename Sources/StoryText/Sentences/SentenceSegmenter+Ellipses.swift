/// Ellipses, omission marks and citations: where `...`, `…` and `. . .` end a sentence.
extension SentenceSegmenter {
    /// How far a parenthesis after a sentence's end is searched for its closing bracket, in
    /// scalars: a citation ("(Smith 55)", "(ibid., p. 4)") is short.
    static let citationWindow = 80

    /// "compounds. . . . The practice": a period right after a word, then a spaced three-dot
    /// ellipsis with no closing quote after it. The period ends the sentence and the ellipsis
    /// opens the next (an omission at its start) when a space and a capital or a digit follow;
    /// otherwise the run is an omission inside the sentence. Returns the end of the ellipsis
    /// and which of the two it is; nil when `index` is not such a period.
    ///
    /// - Complexity: O(length of the run).
    static func spacedEllipsisAfterPeriod(_ text: ArraySlice<Unicode.Scalar>, _ index: Int)
        -> (end: Int, opensSentence: Bool)? {
        guard text[index] == ".", index > text.startIndex, !text[index - 1].isBlank, !text[index - 1].isTerminator,
              index + 6 < text.endIndex, text[index + 1] == " ", text[index + 2] == ".", text[index + 3] == " ",
              text[index + 4] == ".", text[index + 5] == " ", text[index + 6] == "." else { return nil }
        var end = index + 7
        while end < text.endIndex, text[end] == " ", end + 1 < text.endIndex, text[end + 1] == "." { end += 2 }
        // A closing quote after it: the whole run is ellipsis and period ('complex. . . ."').
        if end < text.endIndex, closers.contains(text[end]) { return nil }
        guard end < text.endIndex, text[end].isBlank else { return (end, false) }
        var next = end
        while next < text.endIndex, text[next].isBlank || openers.contains(text[next]) { next += 1 }
        return (end, next < text.endIndex && (text[next].isUppercase || text[next].isNumber))
    }

    /// Whether the run of `run` is an ellipsis: `..`, `...`, `. . .` (the run starts with a
    /// period and goes on with another), or `…`.
    static func isEllipsis(_ text: ArraySlice<Unicode.Scalar>, _ run: Run) -> Bool {
        let mark = text[run.terminator]
        if mark == "…" { return true }
        guard mark == ".", run.terminator + 1 < run.runEnd else { return false }
        let second = text[run.terminator + 1]
        return second == "." || (second == " " && run.terminator + 2 < run.runEnd && text[run.terminator + 2] == ".")
    }

    /// Whether an ellipsis ends the sentence before `first`, the first letter of what follows:
    /// - an omission mark in brackets (`[...]`, `(...)`) never does;
    /// - a spaced three-dot ellipsis (`. . .`) not followed by a closing quote marks an omission
    ///   inside a quoted passage and does not ("the thing is . . . I didn't");
    /// - any other ellipsis (`...`, `…`, four dots: an ellipsis and a period) does before a
    ///   capital or a digit.
    static func ellipsisEndsSentence(_ text: ArraySlice<Unicode.Scalar>, _ run: Run, before first: Unicode.Scalar) -> Bool {
        if run.terminator > text.startIndex, run.runEnd < text.endIndex {
            let open = text[run.terminator - 1]
            let close = text[run.runEnd]
            if (open == "[" && close == "]") || (open == "(" && close == ")") { return false }
        }
        var dots = 0
        var spaced = false
        for scalar in text[run.terminator..<run.runEnd] {
            switch scalar {
            case ".": dots += 1
            case "…": dots += 3
            case " ": spaced = true
            default: break
            }
        }
        if dots <= 3, spaced, run.after == run.runEnd { return false }
        return first.isUppercase || first.isNumber
    }

    /// Whether the parenthesis opening at `open` (after a closing quote) closes within
    /// `citationWindow` scalars and a terminator follows it right away: a citation that belongs
    /// to the quoted sentence before it ('"..." (Smith 55).'), unlike a parenthesised sentence,
    /// whose period is inside ('(The company declined to comment.)').
    static func isCitation(_ text: ArraySlice<Unicode.Scalar>, from open: Int) -> Bool {
        var depth = 0
        var index = open
        let limit = min(text.endIndex, open + citationWindow)
        while index < limit {
            if text[index] == "(" {
                depth += 1
            } else if text[index] == ")" {
                depth -= 1
                if depth == 0 { return index + 1 < text.endIndex && text[index + 1].isTerminator }
            }
            index += 1
        }
        return false
    }
}
