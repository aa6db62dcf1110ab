/// What a sentence asserts, in slots a change can be measured on (docs/diff/claims.md).
public struct Claim: Sendable, Equatable {
    /// "more than a million", "$1.2 billion", "53%", "at least 12", "two".
    public struct Quantity: Sendable, Equatable {
        /// The value with its scale applied (1.2 billion = 1_200_000_000); nil when only a
        /// word like "dozens" says how many.
        public let value: Double?
        /// What is counted or the currency or percent sign: "people", "$", "%".
        public let unit: String
        /// "more than", "at least", "about", "up to", "as many as", "nearly", or "" for exact.
        public let approximator: String
        /// The words as printed.
        public let text: String
    }

    public struct Attribution: Sendable, Equatable {
        /// Who: "the White House", "Psaki", "China's foreign ministry".
        public let source: String
        /// The verb or phrase: "said", "confirmed", "according to".
        public let cue: String

        public init(source: String, cue: String) {
            self.source = source
            self.cue = cue
        }
    }

    public let sentence: String
    public var quantities: [Quantity] = []
    /// Absolute dates as printed ("March 18", "Jan. 5, 2024") and relative ones ("on Thursday",
    /// "next week", "last month").
    public var dates: [String] = []
    public var attributions: [Attribution] = []
    /// Direct quotes, without their quote marks.
    public var quotes: [String] = []
    /// Names: runs of capitalised words, titles kept apart ("Secretary of State" is a title,
    /// "Antony Blinken" the name).
    public var entities: [String] = []
    public var titles: [String] = []
    /// "not", "no", "never", "n't", ...
    public var negations: [String] = []
    /// "would", "could", "likely", "reportedly", "alleged", ...
    public var hedges: [String] = []
}

/// Cue verbs and their strength: how much the reporter commits to what the source says.
public enum CueStrength {
    /// 0 hedged (claimed, alleged), 1 neutral (said, told), 2 firm (confirmed, announced).
    public static let strength: [String: Int] = [
        "claimed": 0, "alleged": 0, "suggested": 0, "speculated": 0, "insisted": 0, "denied": 1,
        "said": 1, "says": 1, "told": 1, "added": 1, "stated": 1, "according to": 1, "noted": 1, "warned": 1,
        "reported": 1, "wrote": 1, "argued": 1, "acknowledged": 2, "confirmed": 2, "announced": 2, "admitted": 2,
        "revealed": 2, "disclosed": 2, "declared": 2,
    ]
}

/// Extracts claims with rules that survive wire copy (no model, no network).
///
/// - Complexity: O(n) in the sentence's length.
public enum ClaimExtractor {
    static let approximators = ["more than", "fewer than", "less than", "at least", "at most", "up to", "as many as",
                                "as much as", "nearly", "almost", "about", "around", "roughly", "some", "over",
                                "under", "approximately", "an estimated", "close to"]
    static let spelledNumbers: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
        "a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1_000, "a million": 1_000_000, "a billion": 1_000_000_000,
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    ]
    static let scales: [String: Double] = ["thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "trillion": 1e12, "percent": 1, "pct": 1]
    static let vagueCounts: Set<String> = ["dozens", "hundreds", "thousands", "millions", "billions", "scores"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
                         "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let relativeDates = ["yesterday", "today", "tomorrow", "tonight", "next week", "last week", "this week",
                                "next month", "last month", "this month", "next year", "last year", "this year",
                                "earlier this week", "later this month"]
    static let negationWords: Set<String> = ["not", "no", "never", "none", "neither", "nor", "without", "nothing", "nobody"]
    static let hedgeWords: Set<String> = ["would", "could", "may", "might", "likely", "unlikely", "possibly", "probably",
                                          "reportedly", "alleged", "allegedly", "appeared", "appears", "seemed", "seems",
                                          "apparently", "expected", "purportedly", "suspected"]
    static let titleWords: Set<String> = ["President", "Prime", "Minister", "Secretary", "State", "Defense", "Foreign",
                                          "Chancellor", "Senator", "Sen.", "Rep.", "Gov.", "Governor", "Mayor", "Chief",
                                          "Executive", "General", "Gen.", "Lt.", "Col.", "Adviser", "Spokesman",
                                          "Spokeswoman", "Judge", "Justice", "King", "Queen", "Pope", "Dr.", "Mr.", "Mrs.",
                                          "Ms.", "Press", "National", "Security", "Councillor", "Counselor", "Ambassador",
                                          "Commissioner", "Director", "Chairman", "Chairwoman", "Vice", "Deputy"]
    static let cueVerbs = ["said", "says", "told", "confirmed", "denied", "warned", "added", "announced", "stated",
                           "claimed", "alleged", "insisted", "acknowledged", "admitted", "noted", "reported", "suggested",
                           "revealed", "disclosed", "declared", "argued", "wrote"]
    static let lowerConnectives: Set<String> = ["of", "and", "the", "for", "de", "van", "von", "bin", "al"]

    public static func claim(_ sentence: String) -> Claim {
        var claim = Claim(sentence: sentence)
        let words = sentence.split(separator: " ").map(String.init)
        let bare = words.map(strip)
        let lower = bare.map { $0.lowercased() }
        claim.quantities = quantities(words: words, bare: bare, lower: lower)
        claim.dates = dates(words: words, bare: bare, lower: lower)
        claim.attributions = attributions(sentence: sentence, words: words, bare: bare, lower: lower)
        claim.quotes = quotes(sentence)
        (claim.entities, claim.titles) = names(words: words, bare: bare)
        for (index, word) in lower.enumerated() {
            if negationWords.contains(word) || word.hasSuffix("n't") { claim.negations.append(bare[index]) }
            if hedgeWords.contains(word) { claim.hedges.append(word) }
        }
        return claim
    }

    /// A word without surrounding punctuation and quote marks.
    static func strip(_ word: String) -> String {
        let marks: Set<Character> = [",", ".", ";", ":", "\"", "“", "”", "'", "‘", "’", "(", ")", "?", "!"]
        var text = Substring(word)
        while let first = text.first, marks.contains(first) { text = text.dropFirst() }
        // A final dot stays on dotted abbreviations ("U.S."), goes elsewhere ("Yi.").
        while let last = text.last, marks.contains(last), !(last == "." && text.dropLast().contains(".")) {
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

    static func quantities(words: [String], bare: [String], lower: [String]) -> [Claim.Quantity] {
        var result: [Claim.Quantity] = []
        var index = 0
        while index < words.count {
            var value: Double?
            var consumed = 1
            let word = bare[index]
            if let parsed = number(word), word.first?.isNumber == true || "$€£".contains(word.first ?? " ") {
                value = parsed
            } else if index + 1 < words.count, let spelled = spelledNumbers[lower[index] + " " + lower[index + 1]] {
                value = spelled
                consumed = 2
            } else if let spelled = spelledNumbers[lower[index]], !["first", "second"].contains(lower[index]) || index > 0 {
                value = spelled
            } else if vagueCounts.contains(lower[index]) {
                value = nil
            } else {
                index += 1
                continue
            }
            // Years and the days of dates ("March 18", "18 March") are dates, not quantities.
            let nextToMonth = (index > 0 && months.contains(bare[index - 1])) || (index + 1 < bare.count && months.contains(bare[index + 1]))
            if let v = value, (word.count == 4 && v >= 1900 && v <= 2100) || (nextToMonth && v >= 1 && v <= 31) {
                index += 1
                continue
            }
            var end = index + consumed
            if end < words.count, let scale = scales[lower[end]] {
                value = value.map { $0 * scale }
                end += 1
            }
            var unit = word.hasPrefix("$") ? "$" : word.hasSuffix("%") ? "%" : ""
            if unit.isEmpty, end < words.count, lower[end] == "percent" || lower[end] == "pct" { unit = "%"; end += 1 }
            if unit.isEmpty, end < words.count { unit = lower[end] == "of" && end + 1 < words.count ? lower[end + 1] : lower[end] }
            var start = index
            var approximator = ""
            for phrase in approximators {
                let parts = phrase.split(separator: " ").map(String.init)
                if index >= parts.count, Array(lower[(index - parts.count)..<index]) == parts {
                    approximator = phrase
                    start = index - parts.count
                    break
                }
            }
            let text = words[start..<min(end + (unit.isEmpty || unit == "$" || unit == "%" ? 0 : 1), words.count)].joined(separator: " ")
            result.append(Claim.Quantity(value: value, unit: unit, approximator: approximator, text: strip(text)))
            index = end
        }
        return result
    }

    static func dates(words: [String], bare: [String], lower: [String]) -> [String] {
        var result: [String] = []
        for (index, word) in bare.enumerated() {
            if months.contains(word), index + 1 < bare.count, let day = Int(bare[index + 1]), (1...31).contains(day) {
                var text = word + " " + bare[index + 1]
                if index + 2 < bare.count, let year = Int(bare[index + 2]), (1900...2100).contains(year) { text += ", \(year)" }
                result.append(text)
            } else if weekdays.contains(word) {
                result.append(index > 0 && ["on", "last", "next", "this"].contains(lower[index - 1]) ? lower[index - 1] + " " + word : word)
            }
        }
        let joined = lower.joined(separator: " ")
        for phrase in relativeDates where joined.contains(phrase) { result.append(phrase) }
        return result
    }

    /// "X said", "said X", "X told reporters", "according to X".
    static func attributions(sentence: String, words: [String], bare: [String], lower: [String]) -> [Claim.Attribution] {
        var result: [Claim.Attribution] = []
        for (index, word) in lower.enumerated() {
            if word == "according", index + 1 < lower.count, lower[index + 1] == "to" {
                let source = phrase(words, bare, from: index + 2, forward: true)
                if !source.isEmpty { result.append(Claim.Attribution(source: source, cue: "according to")) }
                continue
            }
            guard cueVerbs.contains(word) else { continue }
            // "said X" after a quote or a comma (inverted), else "X said".
            let before = index > 0 ? words[index - 1] : ""
            let inverted = before.hasSuffix(",\"") || before.hasSuffix(",”") || (before.hasSuffix(",") && index + 1 < words.count
                && words[index + 1].first?.isUppercase == true)
            var source = inverted ? phrase(words, bare, from: index + 1, forward: true) : phrase(words, bare, from: skipTime(lower, index - 1), forward: false)
            if source.isEmpty { source = phrase(words, bare, from: index + 1, forward: true) }
            if !source.isEmpty { result.append(Claim.Attribution(source: source, cue: word)) }
        }
        return result
    }

    /// Steps back over "on Thursday", "late on Monday", "on March 10" before a cue verb.
    static func skipTime(_ lower: [String], _ index: Int) -> Int {
        var position = index
        let timeWords = Set(weekdays.map { $0.lowercased() } + months.map { $0.lowercased() })
        while position >= 0, timeWords.contains(lower[position]) || Int(lower[position]) != nil
            || (["on", "late", "early", "earlier", "later"].contains(lower[position]) && position < index) {
            position -= 1
        }
        return position
    }

    /// The phrase next to a cue: up to six words, stopping at punctuation, at a clause word
    /// ("that", "and", "who"...) and, going forward, at a lower-case verb.
    static func phrase(_ words: [String], _ bare: [String], from start: Int, forward: Bool) -> String {
        var taken: [String] = []
        var index = start
        let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
        let stops: Set<String> = ["that", "and", "but", "which", "who", "while", "as", "if", "because", "when", "was", "is",
                                  "were", "are", "has", "had", "have", "will", "would", "in", "on", "at", "with"]
        while index >= 0, index < bare.count, taken.count < 6 {
            let word = bare[index]
            let lower = word.lowercased()
            guard !word.isEmpty, !stops.contains(lower) || (forward && lower == "the") else { break }
            if pronouns.contains(lower) { return taken.isEmpty ? word : taken.joined(separator: " ") }
            // Going back, a word ending in punctuation belongs to the clause before.
            if !forward, index != start, let last = words[index].last, ",.;:\"”".contains(last) { break }
            if forward { taken.append(word) } else { taken.insert(word, at: 0) }
            if forward, let last = words[index].last, ",.;:\"”".contains(last) { break }
            index += forward ? 1 : -1
        }
        return taken.joined(separator: " ")
    }

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
                let closing = character == "”" || (character == "\"" && !(previous == " " || previous == "(" || previous == "\u{2014}"))
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

    /// The claims of a paragraph's sentences, with the speaker of a quote that spans sentences
    /// carried back from the sentence that attributes it.
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

    /// Runs of capitalised words (a sentence's first word only when the run goes on); the
    /// title words at the front of a run ("U.S. Secretary of State") are kept apart from the
    /// name ("Antony Blinken"). Month and weekday names are dates, not names.
    static func names(words: [String], bare: [String]) -> ([String], [String]) {
        let connectives: Set<String> = ["of", "de", "van", "von", "bin", "al", "del", "da"]
        var entities: [String] = []
        var titles: [String] = []
        var run: [String] = []
        let timeWords = Set(weekdays + months)
        func flush() {
            var words = run
            run = []
            while let last = words.last, connectives.contains(last) { words.removeLast() }
            guard !words.isEmpty else { return }
            if let lastTitle = words.lastIndex(where: titleWords.contains), lastTitle < words.count - 1 {
                titles.append(words[...lastTitle].joined(separator: " "))
                words = Array(words[(lastTitle + 1)...])
            } else if words.allSatisfy({ titleWords.contains($0) || connectives.contains($0) }) {
                titles.append(words.joined(separator: " "))
                return
            }
            entities.append(words.joined(separator: " "))
        }
        for (index, word) in bare.enumerated() {
            let capitalised = word.first?.isUppercase == true && word.count > 1 && !timeWords.contains(word)
            if capitalised || (!run.isEmpty && connectives.contains(word)) {
                // A capitalised word that opens a sentence is a name only if the name goes on.
                let opensSentence = index == 0 || (words[index - 1].last.map { ".!?\"”".contains($0) } ?? false)
                if opensSentence, run.isEmpty, index + 1 < bare.count, bare[index + 1].first?.isUppercase != true { continue }
                run.append(word.hasSuffix("'s") ? String(word.dropLast(2)) : word)
                // A possessive or punctuation ends the name: "China's top diplomat", "Yang Jiechi, and".
                if word.hasSuffix("'s") || (words[index].last.map { ",;:\"”)".contains($0) } ?? false)
                    || (words[index].hasSuffix(".") && !word.hasSuffix(".")) { flush() }
            } else {
                flush()
            }
        }
        flush()
        return (entities, titles)
    }
}

extension String {
    func replacingCommas() -> String { String(filter { $0 != "," }) }
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        while let last = text.last, [",", "."].contains(last) { text = text.dropLast() }
        return String(text)
    }
}
