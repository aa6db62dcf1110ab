/// Splits a paragraph of news text into sentences, surviving what wire copy throws at a naive
/// splitter: titles (Gov., Lt. Gen.), months (Nov. 3), initials (John E. Smith, J.P. Morgan),
/// U.S./U.N./Inc./p.m. that may or may not end a sentence, decimals and money, quotes closed
/// by an attribution ('"Are you sure?" he asked.'), parentheses and ellipses.
/// docs/reading.md describes the rules; Tests/StoryTextTests/Fixtures/sentences.json holds the
/// news test set.
public enum SentenceSegmenter {
    /// The sentences of `paragraph`, in order; joined with single spaces they give the
    /// paragraph back (when it had single spaces between sentences).
    ///
    /// - Complexity: O(n) in the paragraph's n Unicode scalars: each terminator looks at the word
    ///   before it and the word after it, and looks those up in sets.
    public static func sentences(_ paragraph: String) -> [String] {
        let scalars = paragraph.unicodeScalars
        let text = Array(scalars)
        // Where each scalar starts in the paragraph, so sentences are cut as substrings.
        let positions = Array(scalars.indices) + [scalars.endIndex]
        func sentence(_ from: Int, _ to: Int) -> String? {
            var low = from
            var high = to
            while low < high, text[low] == " " { low += 1 }
            while high > low, text[high - 1] == " " { high -= 1 }
            return low < high ? String(scalars[positions[low]..<positions[high]]) : nil
        }
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < text.count {
            guard terminators.contains(text[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count,
                  terminators.contains(text[end]) || (text[end] == " " && isSpacedEllipsis(text, end)) {
                end += 1
            }
            while end < text.count, closers.contains(text[end]) { end += 1 }
            if end < text.count, text[end] == " ", endsSentence(text, terminator: index, after: end) {
                if let cut = sentence(start, end) { sentences.append(cut) }
                start = end + 1
            }
            index = end
        }
        if let last = sentence(min(start, text.count), text.count) { sentences.append(last) }
        return sentences
    }

    static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "…"]
    static let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]", "»"]
    static let openers: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "[", "«"]

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// ". . ." : a space between two periods continues the terminator run.
    private static func isSpacedEllipsis(_ text: [Unicode.Scalar], _ space: Int) -> Bool {
        space > 0 && text[space - 1] == "." && space + 1 < text.count && text[space + 1] == "."
    }

    /// Whether the terminator run that starts at `terminator` (and whose closing quotes and
    /// brackets end at `after`, a space) ends the sentence.
    private static func endsSentence(_ text: [Unicode.Scalar], terminator: Int, after: Int) -> Bool {
        var next = after
        while next < text.count, text[next] == " " { next += 1 }
        guard next < text.count else { return true }
        var wordStart = next
        while wordStart < text.count, openers.contains(text[wordStart]) { wordStart += 1 }
        guard wordStart < text.count else { return false }
        let opensWithQuoteOrBracket = wordStart > next
        let first = text[wordStart]
        let nextWord = word(in: text, from: wordStart)
        let mark = text[terminator]
        let ellipsis = terminator + 1 < after && text[terminator + 1] == "."
            || terminator + 2 < after && text[terminator + 1] == " " && text[terminator + 2] == "."

        // "?" and "!" end a sentence unless the text goes on in lower case ("..." he asked).
        if mark == "?" || mark == "!" {
            return !first.isLowercase || isBrand(nextWord)
        }
        // Ellipses end a sentence only before a capital.
        if mark == "…" || (mark == "." && ellipsis) {
            return first.isUppercase || first.isNumber
        }
        if terminator > 0, text[terminator - 1] == "." { return first.isUppercase }
        let previous = token(in: text, before: terminator)
        let kind = AbbreviationKind(previous)
        if first.isNumber || first == "#" {
            return kind == nil && !(previous.last?.isNumber ?? false)
        }
        if first.isLowercase {
            return (kind == nil || kind == .numbering) && isBrand(nextWord)
        }
        guard first.isUppercase || opensWithQuoteOrBracket else { return false }
        let opensWithQuote = opensWithQuoteOrBracket && text[next] != "(" && text[next] != "["
        switch kind {
        case nil, .numbering: return true
        case .prepositive, .initial: return false
        case .company:
            if opensWithQuoteOrBracket { return opensWithQuote || sentenceStarters.contains(nextWord) }
            return !nameContinuations.contains(nextWord)
        case .clock: return opensWithQuote || !(nextWord.count <= 4 && nextWord.allSatisfy(\.isUppercase))
        case .ambiguous: return opensWithQuote || sentenceStarters.contains(nextWord)
        }
    }

    /// The word that ends right before a terminator, with any opening quotes or brackets
    /// stripped ("(U.S" -> "U.S").
    private static func token(in text: [Unicode.Scalar], before terminator: Int) -> String {
        var start = terminator
        while start > 0, text[start - 1] != " " { start -= 1 }
        while start < terminator, openers.contains(text[start]) { start += 1 }
        return string(text[start..<terminator])
    }

    private static func word(in text: [Unicode.Scalar], from start: Int) -> String {
        var end = start
        while end < text.count, text[end].properties.isAlphabetic || text[end] == "'" || text[end] == "’" { end += 1 }
        return string(text[start..<end])
    }

    /// A lower-case brand that starts sentences: eBay, iPhone, iOS.
    private static func isBrand(_ word: String) -> Bool {
        guard let first = word.first, first.isLowercase else { return false }
        return word.dropFirst().contains(where: \.isUppercase)
    }
}
