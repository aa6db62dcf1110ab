/// Extracts claims with rules that survive wire copy (no model, no network).
public enum ClaimExtractor {
    static let approximators = ["no more than", "no fewer than", "no less than", "not more than", "not fewer than",
                                "not less than", "more than", "fewer than", "less than", "at least", "at most",
                                "up to", "as many as", "as much as", "nearly", "almost", "about", "around", "roughly",
                                "some", "over", "under", "approximately", "an estimated", "close to"]
    static let spelledNumbers: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1_000, "a million": 1_000_000,
        "a billion": 1_000_000_000, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    ]
    static let scales: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12,
        "tn": 1e12, "percent": 1,
        "pct": 1,
    ]
    static let vagueCounts: Set<String> = ["dozens", "hundreds", "thousands", "millions", "billions", "scores"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Jan", "Feb",
        "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let relativeDates = ["yesterday", "today", "tomorrow", "tonight", "next week", "last week", "this week",
                                "next month", "last month", "this month", "next year", "last year", "this year",
                                "earlier this week", "later this month"]
    static let negationWords: Set<String> = [
        "not", "no", "never", "none", "neither", "nor", "without", "nothing", "nobody",
    ]
    static let hedgeWords: Set<String> = [
        "would", "could", "may", "might", "likely", "unlikely", "possibly", "probably", "reportedly", "alleged",
        "allegedly", "appeared", "appears", "seemed", "seems", "apparently", "expected", "purportedly", "suspected",
    ]
    static let titleWords: Set<String> = [
        "President", "Prime", "Minister", "Secretary", "State", "Defense", "Foreign", "Chancellor", "Senator", "Sen.",
        "Rep.", "Gov.", "Governor", "Mayor", "Chief", "Executive", "General", "Gen.", "Lt.", "Col.", "Adviser",
        "Spokesman", "Spokeswoman", "Judge", "Justice", "King", "Queen", "Pope", "Dr.", "Mr.", "Mrs.", "Ms.", "Press",
        "National", "Security", "Councillor", "Counselor", "Ambassador", "Commissioner", "Director", "Chairman",
        "Chairwoman", "Vice", "Deputy",
    ]
    static let cueVerbs = [
        "said", "says", "told", "confirmed", "denied", "warned", "added", "announced", "stated", "claimed", "alleged",
        "insisted", "acknowledged", "admitted", "noted", "reported", "suggested", "revealed", "disclosed", "declared",
        "argued", "wrote",
    ]
    static let lowerConnectives: Set<String> = ["of", "and", "the", "for", "de", "van", "von", "bin", "al"]

    /// The claim of one sentence. Its words are first unglued (`unglued(_:)`: "to7.3" is "to
    /// 7.3"); dates and times are read before figures, and the words they take (years, the
    /// days of dates, clock times) are not figures.
    ///
    /// - Complexity: O(w) for the w words of the sentence, each checked against word lists of fixed
    ///   size, and O(n) scans of its n characters for glued numbers, quotes and relative dates;
    ///   each cue verb adds a look over at most six words either side, and the time words before it.
    public static func claim(_ sentence: String) -> Claim {
        var claim = Claim(sentence: sentence)
        let words = unglued(spaceSeparated(sentence))
        let bare = words.map(strip)
        let lower = bare.map { $0.lowercased() }
        let dates = dates(words: words, bare: bare, lower: lower)
        claim.dates = dates.dates
        claim.quantities = quantities(words: words, bare: bare, lower: lower, taken: dates.taken)
        claim.attributions = attributions(sentence: sentence, words: words, bare: bare, lower: lower)
        claim.quotes = quotes(sentence)
        (claim.entities, claim.titles) = names(words: words, bare: bare)
        claim.entities += organisations(bare: bare, lower: lower)
        for (index, word) in lower.enumerated() {
            if negationWords.contains(word) || word.hasSuffix("n't"), !isBound(index, lower: lower) {
                claim.negations.append(bare[index])
            }
            // "May" in "May 2019" is the month.
            if hedgeWords.contains(word), !dates.taken.contains(index) { claim.hedges.append(word) }
        }
        claim.hedges += evidentialHedges(lower)
        return claim
    }

    /// `sentence.split(separator: " ").map(String.init)`, cut by bytes when every space byte
    /// has ASCII on both sides: such a space is a character of its own (no combining mark or
    /// prepended scalar joins it), so the byte cut and the character cut agree; else by characters.
    ///
    /// - Complexity: O(n) in the sentence's n bytes.
    static func spaceSeparated(_ sentence: String) -> [String] {
        let fast: [String]? = sentence.utf8.withContiguousStorageIfAvailable { bytes in
            var words: [String] = []
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x20 {
                if index > 0, bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                if index > start { words.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
                start = index + 1
            }
            if bytes.count > start { words.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self)) }
            return words
        } ?? nil
        return fast ?? sentence.split(separator: " ").map(String.init)
    }

    /// Comparatives that, after "no" or "not" and before "than", bound a figure or a time
    /// rather than deny anything: "no more than 50", "no earlier than 5 p.m.".
    static let boundComparatives: Set<String> = [
        "more", "fewer", "less", "later", "earlier", "sooner", "greater", "higher", "lower", "longer", "shorter",
    ]

    /// Whether the "no" or "not" at word `index` opens a bound ("no later than", "not more
    /// than"): a bound on a figure or a time, not a negation.
    static func isBound(_ index: Int, lower: [String]) -> Bool {
        index + 2 < lower.count && (lower[index] == "no" || lower[index] == "not")
            && boundComparatives.contains(lower[index + 1]) && lower[index + 2] == "than"
    }

    /// The punctuation and quote marks `strip(_:)` takes off a word's ends.
    static let stripMarks: Set<Character> = [",", ".", ";", ":", "\"", "“", "”", "'", "‘", "’", "(", ")", "?", "!"]

    /// A word without surrounding punctuation and quote marks.
    ///
    /// - Complexity: O(n) in the word's n bytes. A word with no mark at either end (most words)
    ///   is returned as it is, after a look at its first and last bytes; an ASCII word is cut
    ///   by bytes (an ASCII character is one byte, but for "\r\n", which is no mark), any
    ///   other by characters.
    static func strip(_ word: String) -> String {
        let utf8 = word.utf8
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return word }
        // The marks' first bytes: the ASCII ones, and 0xE2 for the curly quotes (U+2018...U+201D).
        func mayBeMark(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x2C, 0x2E, 0x3B, 0x3A, 0x22, 0x27, 0x28, 0x29, 0x3F, 0x21, 0xE2: true
            default: false
            }
        }
        // The last byte of a curly quote is 0x98, 0x99, 0x9C or 0x9D.
        let lastMayBeMark = mayBeMark(lastByte) || lastByte == 0x98 || lastByte == 0x99 || lastByte == 0x9C
            || lastByte == 0x9D
        guard mayBeMark(firstByte) || lastMayBeMark else { return word }
        if !utf8.contains(where: { $0 >= 0x80 }) {
            return utf8.withContiguousStorageIfAvailable { bytes in
                func isMark(_ byte: UInt8) -> Bool { byte != 0xE2 && mayBeMark(byte) }
                var start = 0
                var end = bytes.count
                while start < end, isMark(bytes[start]) { start += 1 }
                while start < end, isMark(bytes[end - 1]),
                      !(bytes[end - 1] == 0x2E && bytes[start..<(end - 1)].contains(0x2E)) {
                    end -= 1
                }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            } ?? strippedCharacters(word)
        }
        return strippedCharacters(word)
    }

    /// `strip(_:)` character by character.
    static func strippedCharacters(_ word: String) -> String {
        var text = Substring(word)
        while let first = text.first, stripMarks.contains(first) { text = text.dropFirst() }
        // A final dot stays on dotted abbreviations ("U.S."), goes elsewhere ("Yi.").
        while let last = text.last, stripMarks.contains(last), !(last == "." && text.dropLast().contains(".")) {
            text = text.dropLast()
        }
        return String(text)
    }

    static func number(_ text: String) -> Double? {
        var digits = text
        if digits.hasPrefix("$") || digits.hasPrefix("€") || digits.hasPrefix("£") { digits.removeFirst() }
        if digits.hasSuffix("%") { digits.removeLast() }
        return Double(digits.replacingCommas())
    }

    /// The claims of a paragraph's sentences, with the speaker of a quote that spans sentences
    /// carried back from the sentence that attributes it.
    ///
    /// - Complexity: `claim(_:)` for each sentence, plus O(n) over the paragraph's characters.
    public static func claims(ofParagraph sentences: [String]) -> [Claim] {
        var claims = sentences.map(claim)
        for index in claims.indices.reversed() where index + 1 < claims.count {
            let opensQuote = sentences[index].filter { $0 == "\"" || $0 == "“" || $0 == "”" }.count % 2 == 1
            if opensQuote, claims[index].attributions.isEmpty, let speaker = claims[index + 1].attributions.first {
                claims[index].attributions = [speaker]
            }
        }
        return claims
    }
}
