/// Lists written inside one line: "1. The first item 2. The second item", "a) one b) two",
/// "• 9. nine • 10. ten", "• one • two". A line that opens with a list marker is cut before
/// each later marker of the same kind that takes the next number or letter (or, for bullets
/// alone, the same bullet), and a marker never ends a sentence itself.
extension SentenceSegmenter {
    /// Bullets that may stand before a numbered marker ("• 9.", "- 2)").
    static let bullets: Set<Unicode.Scalar> = ["•", "‣", "⁃", "◦", "▪", "▸", "►", "●", "■", "·", "-", "*", "–", "—"]

    /// Bullets that mark list items on their own ("• one • two"); not `-`, `*` or dashes,
    /// which also stand inside a sentence.
    static let itemBullets: Set<Unicode.Scalar> = ["•", "‣", "⁃", "◦", "▪", "▸", "►", "●", "■"]

    /// A list marker: an optional bullet, then a number of at most three digits or one lower-case
    /// letter, written `1.`, `1)`, `1.)` or `(1)`, then a space; or a bullet alone and a space.
    struct ListMarker: Equatable {
        enum Style: Equatable { case period, parenthesis, periodParenthesis, enclosed }

        let bullet: Unicode.Scalar?
        /// The number, or the letter's place in the alphabet; nil for a bullet alone.
        let ordinal: Int?
        let isLetter: Bool
        let style: Style?
        /// Past the marker: where the item's text (after a space) begins.
        let end: Int

        /// The marker that starts at `start`, nil when none does.
        ///
        /// - Complexity: O(1): at most a bullet, spaces, three digits and two brackets are read.
        init?(in text: ArraySlice<Unicode.Scalar>, at start: Int) {
            var index = start
            var bullet: Unicode.Scalar?
            if index < text.endIndex, SentenceSegmenter.bullets.contains(text[index]) {
                bullet = text[index]
                index += 1
                while index < text.endIndex, text[index].isBlank { index += 1 }
            }
            if let numbered = Self.numbered(text, at: index) {
                self.init(bullet: bullet, ordinal: numbered.ordinal, isLetter: numbered.isLetter, style: numbered.style,
                          end: numbered.end)
                return
            }
            guard let bullet, SentenceSegmenter.itemBullets.contains(bullet), start + 1 < text.endIndex,
                  text[start + 1].isBlank else { return nil }
            self.init(bullet: bullet, ordinal: nil, isLetter: false, style: nil, end: start + 1)
        }

        private init(bullet: Unicode.Scalar?, ordinal: Int?, isLetter: Bool, style: Style?, end: Int) {
            self.bullet = bullet
            self.ordinal = ordinal
            self.isLetter = isLetter
            self.style = style
            self.end = end
        }

        private static func numbered(_ text: ArraySlice<Unicode.Scalar>, at start: Int)
            -> (ordinal: Int, isLetter: Bool, style: Style, end: Int)? {
            var index = start
            let enclosed = index < text.endIndex && text[index] == "("
            if enclosed { index += 1 }
            var ordinal = 0
            var digits = 0
            while index < text.endIndex, digits < 3, let digit = text[index].asciiDigit {
                ordinal = ordinal * 10 + digit
                digits += 1
                index += 1
            }
            var isLetter = false
            if digits == 0 {
                guard index < text.endIndex, let letter = text[index].asciiLetterOrdinal else { return nil }
                ordinal = letter
                isLetter = true
                index += 1
            }
            guard index < text.endIndex else { return nil }
            let style: Style
            if enclosed {
                guard text[index] == ")" else { return nil }
                style = .enclosed
                index += 1
            } else if text[index] == "." {
                index += 1
                if index < text.endIndex, text[index] == ")" {
                    style = .periodParenthesis
                    index += 1
                } else {
                    style = .period
                }
            } else if text[index] == ")" {
                style = .parenthesis
                index += 1
            } else {
                return nil
            }
            guard index + 1 < text.endIndex, text[index].isBlank, !text[index + 1].isBlank else { return nil }
            return (ordinal, isLetter, style, index)
        }

        /// Whether this marker is the next item after `previous`: the same bullet and style, and
        /// the next number or letter (or both bullets alone).
        func follows(_ previous: ListMarker) -> Bool {
            guard bullet == previous.bullet, isLetter == previous.isLetter, style == previous.style else { return false }
            switch (ordinal, previous.ordinal) {
            case (nil, nil): return true
            case let (value?, before?): return value == before + 1
            default: return false
            }
        }
    }

    /// The items of a line that opens with the list marker `first`: each item's range and where
    /// its text begins, past its marker.
    ///
    /// - Complexity: O(n) in the line's scalars: a marker is tried only after a space.
    static func listItems(_ line: ArraySlice<Unicode.Scalar>, first: ListMarker) -> [(range: Range<Int>, body: Int)] {
        var items: [(range: Range<Int>, body: Int)] = []
        var itemStart = line.startIndex
        var current = first
        var index = first.end
        while index + 1 < line.endIndex {
            if line[index].isBlank, !line[index + 1].isBlank, let next = ListMarker(in: line, at: index + 1),
               next.follows(current) {
                items.append((itemStart..<index, current.end))
                itemStart = index + 1
                current = next
                index = next.end
                continue
            }
            index += 1
        }
        items.append((itemStart..<line.endIndex, current.end))
        return items
    }
}
