/// Splits a paragraph of news text into sentences, surviving what wire copy throws at a naive
/// splitter: titles (Gov., Lt. Gen.), months (Nov. 3), initials (John E. Smith, J.P. Morgan),
/// U.S./U.N./Inc./p.m. that may or may not end a sentence, decimals and money, quotes closed
/// by an attribution ('"Are you sure?" he asked.'), parentheses and ellipses.
/// docs/reading.md describes the rules; Tests/StoryTextTests/Fixtures/sentences.json holds the
/// news test set.
///
/// - Complexity: O(n) in the paragraph's length.
public enum SentenceSegmenter {
    /// The sentences of `paragraph`, in order; joined with single spaces they give the
    /// paragraph back (when it had single spaces between sentences).
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
            while end < text.count, terminators.contains(text[end]) || (text[end] == " " && isSpacedEllipsis(text, end)) {
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
        let ellipsis = terminator + 1 < after && text[terminator + 1] == "." || terminator + 2 < after && text[terminator + 1] == " " && text[terminator + 2] == "."

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

    enum AbbreviationKind {
        /// Comes before a name or date and never ends a sentence: Dr., Gov., Lt., Nov., vs.
        case prepositive
        /// Comes before a number (No. 3, Fig. 2); before anything else it is a plain word
        /// ('replied: "No." The answer').
        case numbering
        /// A company suffix (Inc., Corp., Co.): ends the sentence unless a title or another
        /// suffix follows ("Inc. Chief Executive", "Co. Ltd.").
        case company
        /// a.m. and p.m.: end the sentence unless a time zone follows ("a.m. ET").
        case clock
        /// A single capital: an initial (John E. Smith).
        case initial
        /// May end a sentence: U.S., Inc., p.m., Calif., Jr.; it does when a word that starts
        /// sentences, or a quote, follows.
        case ambiguous

        init?(_ token: String) {
            if SentenceSegmenter.numbering.contains(token) {
                self = .numbering
            } else if SentenceSegmenter.companies.contains(token) {
                self = .company
            } else if ["a.m", "p.m", "A.M", "P.M"].contains(token) {
                self = .clock
            } else if SentenceSegmenter.prepositive.contains(token) {
                self = .prepositive
            } else if token.count == 1, token.first?.isUppercase == true {
                self = .initial
            } else if SentenceSegmenter.ambiguous.contains(token) || SentenceSegmenter.ambiguous.contains(token.lowercased()) {
                self = .ambiguous
            } else if token.contains("."), token.split(separator: ".").allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isLetter) }) {
                // Dotted letter groups: U.S, U.N, D.C, J.P, H.R, a.m, e.g.
                self = token.first?.isUppercase == true ? .ambiguous : .prepositive
            } else {
                return nil
            }
        }
    }

    /// Titles, ranks and short forms that precede what they qualify.
    static let prepositive: Set<String> = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gov", "Sen", "Rep", "Reps", "Sens", "Lt", "Gen", "Col", "Maj", "Capt",
        "Sgt", "Adm", "Cmdr", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Msgr", "Fr", "Mt", "Ft",
        "Atty", "Gens", "Sgts", "vs", "v", "approx", "est", "ca", "cf", "viz", "Jan", "Feb", "Apr", "Aug", "Sept",
        "Sep", "Oct", "Nov", "Dec",
    ]

    /// Short forms that number what follows.
    static let numbering: Set<String> = ["No", "Nos", "Fig", "Figs", "Vol", "Art", "Sec", "Ch", "Op", "pp", "p"]

    static let companies: Set<String> = ["Inc", "Corp", "Co", "Ltd", "LLC", "Plc", "PLC", "Bros", "Cos", "AG", "SA", "NV"]

    /// Words that go on naming after a company suffix: titles and further suffixes.
    static let nameContinuations: Set<String> = [
        "Chief", "Executive", "President", "Chairman", "Chairwoman", "Chair", "Vice", "CEO", "CFO", "COO", "Director",
        "Group", "Holdings", "Ltd", "Inc", "Corp", "LLC", "Plc", "Co", "International", "Board", "Spokesman",
        "Spokeswoman", "Spokesperson", "Managing", "General", "Senior", "Founder", "Co-founder", "Treasurer",
        "Secretary", "Operating", "Officer", "Partner", "Partners", "Chief's", "Head", "Unit", "Subsidiary",
    ]

    /// Short forms that may end a sentence.
    static let ambiguous: Set<String> = [
        "Jr", "Sr", "St", "Ave", "Blvd", "Rd", "Dept",
        "Univ", "Assn", "Mar", "Jun", "Jul", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
        "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
        "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "al",
    ]

    /// Words that open sentences far more often than they continue a name after an
    /// abbreviation: after "U.S." or "Inc.", one of these starts a new sentence.
    static let sentenceStarters: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your",
        "This", "That", "These", "Those", "There", "Here", "In", "On", "At", "But", "And", "Or", "So", "Yet", "If",
        "When", "While", "After", "Before", "Since", "As", "No", "Some", "Many", "Most", "All", "Both", "Each",
        "Neither", "None", "Other", "Others", "Such", "Then", "Now", "Still", "However", "Meanwhile", "Instead",
        "Officials", "Analysts", "Police", "Shares", "Together", "Earlier", "Later", "Last", "Next", "According",
        "Asked", "Despite", "During", "For", "From", "With", "Without", "Under", "Over", "About", "Among", "Also",
        "Only", "Even", "Just", "What", "Who", "Why", "How", "Where", "Which", "Whether", "One", "Two", "Three",
        "Several", "Few", "More", "Another", "Every", "To", "By", "Of", "Not", "Nor", "Although", "Though",
        "Because", "Once", "Until", "Unless", "Separately", "Elsewhere", "Overall", "Further",
    ]
}

extension Unicode.Scalar {
    var isUppercase: Bool { properties.isUppercase }
    var isLowercase: Bool { properties.isLowercase }
    var isNumber: Bool { properties.numericType != nil }
}
