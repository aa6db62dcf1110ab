/// Splits a paragraph of news text into sentences, surviving what wire copy throws at a naive
/// splitter: titles (Gov., Lt. Gen.), months (Nov. 3), initials (John E. Smith, J.P. Morgan),
/// U.S./U.N./Inc./p.m. that may or may not end a sentence, decimals and money, quotes closed
/// by an attribution ('"Are you sure?" he asked.'), parentheses, citations, ellipses and lists.
/// docs/segmentation.md describes the rules; Tests/StoryTextTests/Fixtures/sentences.json holds
/// the news test set, and the 48 English Golden Rules are checked by SentenceGoldenRulesTests.
public enum SentenceSegmenter {
    /// The sentences of `paragraph`, in order; joined with single spaces they give the
    /// paragraph back (when it had single spaces between sentences and no line break).
    ///
    /// A line break always ends a sentence: the readers join the lines of a wrapped paragraph
    /// before it is segmented, so a break left inside one is layout (a list item on its own
    /// line, an address, a verse), and each line is segmented on its own. A line that opens
    /// with a list marker ("1.", "2)", "a.", "(b)", "• 3.") is a list: each following marker of
    /// the same style and the next number or letter starts a new sentence
    /// (`SentenceSegmenter+Lists.swift`).
    ///
    /// - Complexity: O(n) in the paragraph's n Unicode scalars: one pass finds the lines, one
    ///   the terminators; each terminator looks at a bounded window around it (the word
    ///   before, the word or two after, at most `citationWindow` scalars of a parenthesis
    ///   after, the words of the sentence so far only after a.m./p.m.) and looks words up in
    ///   sets.
    public static func sentences(_ paragraph: String) -> [String] {
        let scalars = paragraph.unicodeScalars
        let text = Array(scalars)
        // Where each scalar starts in the paragraph, so sentences are cut as substrings.
        let positions = Array(scalars.indices) + [scalars.endIndex]
        var cuts: [Range<Int>] = []
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, !text[lineEnd].isLineBreak { lineEnd += 1 }
            let line = text[lineStart..<lineEnd]
            if let first = ListMarker(in: line, at: lineStart) {
                for item in listItems(line, first: first) {
                    segment(text[item.range], from: item.body, into: &cuts)
                }
            } else {
                segment(line, from: lineStart, into: &cuts)
            }
            lineStart = lineEnd + 1
        }
        return cuts.compactMap { range in
            var low = range.lowerBound
            var high = range.upperBound
            while low < high, text[low].isBlank || text[low].isLineBreak { low += 1 }
            while high > low, text[high - 1].isBlank || text[high - 1].isLineBreak { high -= 1 }
            return low < high ? String(scalars[positions[low]..<positions[high]]) : nil
        }
    }

    /// Appends to `cuts` the sentences of one line (or list item), looking for terminators from
    /// `scan` on (past a list marker, which never ends a sentence).
    private static func segment(_ text: ArraySlice<Unicode.Scalar>, from scan: Int, into cuts: inout [Range<Int>]) {
        var start = text.startIndex
        var index = scan
        while index < text.endIndex {
            guard text[index].isTerminator else {
                index += 1
                continue
            }
            // "compounds. . . . The practice": a period ends the sentence and a spaced ellipsis
            // opens the next one (an omission at its start).
            if let ellipsis = spacedEllipsisAfterPeriod(text, index) {
                if ellipsis.opensSentence {
                    cuts.append(start..<index + 1)
                    start = index + 2
                }
                index = ellipsis.end
                continue
            }
            var end = index + 1
            while end < text.endIndex,
                  text[end].isTerminator || (text[end] == " " && isSpacedEllipsis(text, end)) {
                end += 1
            }
            var after = end
            while after < text.endIndex, closers.contains(text[after]) { after += 1 }
            if after < text.endIndex, text[after].isBlank,
               endsSentence(text, Run(sentenceStart: start, terminator: index, runEnd: end, after: after)),
               !isListMarker(text, from: start, to: after) {
                cuts.append(start..<after)
                start = after + 1
            }
            index = after
        }
        if start < text.endIndex { cuts.append(start..<text.endIndex) }
    }

    /// Whether the text from `start` to `end` is only a numbered list marker ("3.", "b)"): a
    /// marker opens the sentence after it and never ends one ("The plan has two stages. 3. The
    /// third is separate.").
    private static func isListMarker(_ text: ArraySlice<Unicode.Scalar>, from start: Int, to end: Int) -> Bool {
        var first = start
        while first < end, text[first].isBlank { first += 1 }
        guard end - first <= 8, let marker = ListMarker(in: text, at: first) else { return false }
        return marker.ordinal != nil && marker.end == end
    }

    /// A run of terminators: `terminator` is its first scalar, `runEnd` is past its last
    /// terminator (spaced ellipsis dots included), `after` past the closing quotes and brackets
    /// that follow it; `sentenceStart` is where the sentence it may end began.
    struct Run {
        let sentenceStart: Int
        let terminator: Int
        let runEnd: Int
        let after: Int
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]", "»"]
    static let openers: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "[", "«"]
    static let quotes: Set<Unicode.Scalar> = ["\"", "”", "’", "'", "»"]

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// ". . ." : a space between two periods continues the terminator run.
    private static func isSpacedEllipsis(_ text: ArraySlice<Unicode.Scalar>, _ space: Int) -> Bool {
        space > text.startIndex && text[space - 1] == "." && space + 1 < text.endIndex && text[space + 1] == "."
    }

    /// Whether the terminator run `run` (followed by a space at `run.after`) ends the sentence.
    private static func endsSentence(_ text: ArraySlice<Unicode.Scalar>, _ run: Run) -> Bool {
        var next = run.after
        while next < text.endIndex, text[next].isBlank { next += 1 }
        guard next < text.endIndex else { return true }
        var wordStart = next
        while wordStart < text.endIndex, openers.contains(text[wordStart]) { wordStart += 1 }
        guard wordStart < text.endIndex else { return false }
        let opensWithQuoteOrBracket = wordStart > next
        let first = text[wordStart]
        let nextWord = word(in: text, from: wordStart)
        let terminator = run.terminator
        let mark = text[terminator]

        // A citation between a closing quote and the period is the sentence's own:
        // '"... parallel stairways [...]" (Smith 55).', '"Is it?" (Jones 4).'
        if text[next] == "(", text[run.runEnd..<run.after].contains(where: quotes.contains),
           isCitation(text, from: next) { return false }
        // "?" and "!" end a sentence unless the text goes on in lower case ("..." he asked).
        if mark == "?" || mark == "!" {
            return !first.isLowercase || isBrand(nextWord)
        }
        if isEllipsis(text, run) {
            return ellipsisEndsSentence(text, run, before: first)
        }
        if terminator > text.startIndex, text[terminator - 1] == "." { return first.isUppercase }
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
        case .prepositive: return false
        case .initial:
            return initialEndsSentence(text, previous, terminator: terminator, nextWord: nextWord, wordStart: wordStart)
        case .company:
            if opensWithQuoteOrBracket { return opensWithQuote || sentenceStarters.contains(nextWord) }
            return !nameContinuations.contains(nextWord)
        case .clock:
            if opensWithQuote { return true }
            if continuesTime(text, nextWord, wordStart: wordStart) { return false }
            if opensWithQuoteOrBracket || isFrontedTime(text, from: run.sentenceStart, to: terminator) {
                return sentenceStarters.contains(nextWord)
            }
            return true
        case .ambiguous: return opensWithQuote || sentenceStarters.contains(nextWord)
        }
    }

    /// The word that ends right before a terminator, with any opening quotes or brackets
    /// stripped ("(U.S" -> "U.S").
    static func token(in text: ArraySlice<Unicode.Scalar>, before terminator: Int) -> String {
        var start = terminator
        while start > text.startIndex, !text[start - 1].isBlank { start -= 1 }
        while start < terminator, openers.contains(text[start]) { start += 1 }
        return string(text[start..<terminator])
    }

    static func word(in text: ArraySlice<Unicode.Scalar>, from start: Int) -> String {
        var end = start
        while end < text.endIndex, text[end].properties.isAlphabetic || text[end] == "'" || text[end] == "’" { end += 1 }
        return string(text[start..<end])
    }

    /// A lower-case brand that starts sentences: eBay, iPhone, iOS.
    private static func isBrand(_ word: String) -> Bool {
        guard let first = word.first, first.isLowercase else { return false }
        return word.dropFirst().contains(where: \.isUppercase)
    }
}
