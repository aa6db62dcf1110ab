extension ClaimExtractor {
    /// Ordinals say which, not how many ("the first high-level meeting"): not quantities.
    static let ordinals: Set<String> = ["first", "second", "third", "fourth", "fifth"]

    /// Numbers in words that count: the spelled numbers without the ordinals, with the teens
    /// and tens.
    static let cardinals: [String: Double] = spelledNumbers.filter { !ordinals.contains($0.key) }.merging([
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]) { first, _ in first }

    /// What a word can be for "word + space + next word" to be a key of `cardinals`: each key's
    /// text before one of its spaces ("a" of "a dozen"). A word not here starts no two-word
    /// number, so the joined key need not be built and hashed.
    static let cardinalLeads: Set<String> = Set(cardinals.keys.flatMap { key in
        key.indices.filter { key[$0] == " " }.map { String(key[..<$0]) }
    })

    /// Spelled numbers that are figures on their own ("a dozen", "a million", "hundred"); the
    /// others ("two", "twenty") count only a counted noun after them.
    static let standingNumbers: Set<String> = ["a dozen", "dozen", "a hundred", "hundred", "a thousand", "a million",
                                               "a billion"]

    /// `approximators`, longest first, as words: "no more than" is found before "more than".
    static let approximatorWords: [[String]] = approximators.map { $0.split(separator: " ").map(String.init) }
        .sorted { $0.count > $1.count }

    /// The approximator that ends just before word `index` ("at least 12"), or nil.
    static func approximator(before index: Int, lower: [String]) -> [String]? {
        for phrase in approximatorWords where index >= phrase.count {
            if lower[(index - phrase.count)..<index].elementsEqual(phrase) { return phrase }
        }
        return nil
    }

    /// The figures of a sentence: a number token ("1,200", "$1.2", "53%", "7.3"), a number-unit
    /// compound ("9-year-old", "a 3-week trial", "five-day"), a spelled number that counts a
    /// noun ("two people", "twenty-five officials"), a standing one ("a million") or a vague
    /// count ("dozens"); its scale ("billion"), its unit (`countedNoun`) and its approximator
    /// ("more than", "no more than"). `taken` holds the words that dates and times took
    /// (years, the days of dates, clock times): those are not figures.
    ///
    /// - Complexity: O(w) for the w words: each is looked at once, with at most four words
    ///   after it for its unit and the approximators (of at most three words) before it.
    static func quantities(words: [String], bare: [String], lower: [String], taken: Set<Int>) -> [Claim.Quantity] {
        var result: [Claim.Quantity] = []
        var index = 0
        while index < words.count {
            if taken.contains(index) {
                index += 1
                continue
            }
            var value: Double?
            var consumed = 1
            var compoundUnit: String?
            var needsNoun = false
            let word = bare[index]
            let lowerWord = lower[index]
            let first = word.first
            let leadsWithDigit = first?.isNumber == true || first == "$" || first == "€" || first == "£"
            var signUnit: String?
            if leadsWithDigit, let parsed = number(word) {
                value = parsed
            } else if word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let marked = markedNumber(word) {
                value = marked.value
                signUnit = marked.unit
            } else if leadsWithDigit, isScoreOrRange(word) {
                // "a 3-2 vote", "10-15 people": compared by their text.
                value = nil
            } else if lowerWord.utf8.contains(0x2D), let compound = compound(lowerWord) {
                value = compound.value
                compoundUnit = compound.unit
                needsNoun = compound.unit == nil
            } else if index + 1 < words.count, cardinalLeads.contains(lowerWord), !words[index].hasSuffix(","),
                      let spelled = cardinals[lowerWord + " " + lower[index + 1]] {
                value = spelled
                consumed = 2
                needsNoun = !standingNumbers.contains(lowerWord + " " + lower[index + 1])
            } else if let spelled = cardinals[lowerWord] {
                value = spelled
                needsNoun = !standingNumbers.contains(lowerWord)
                // "no one", "one another", "the one": a pronoun, not a count.
                if spelled == 1, (index > 0 && ["no", "the", "any", "every", "each", "some"].contains(lower[index - 1]))
                    || (index + 1 < lower.count && lower[index + 1] == "another") {
                    index += 1
                    continue
                }
            } else if let fraction = fraction(at: index, lower: lower) {
                value = fraction.value
                consumed = fraction.words
            } else if vagueCounts.contains(lowerWord) {
                value = nil
            } else {
                index += 1
                continue
            }
            var end = index + consumed
            var unit = word.hasPrefix("$") || word.hasPrefix("€") || word.hasPrefix("£")
                ? String(word.prefix(1)) : word.hasSuffix("%") ? "%" : ""
            // "three hundred", "2 million", "4.5 percent".
            if compoundUnit == nil, end < words.count, !ends(words[end - 1]), lower[end] == "hundred" {
                value = value.map { $0 * 100 }
                end += 1
            }
            if compoundUnit == nil, end < words.count, !ends(words[end - 1]), let scale = scales[lower[end]] {
                value = value.map { $0 * scale }
                if lower[end] == "percent" || lower[end] == "pct" { unit = "%" }
                end += 1
            }
            if let compoundUnit { unit = compoundUnit }
            if let signUnit { unit = signUnit }
            // A ratio: "1 in 5 adults", "one in four", "three out of 10".
            if compoundUnit == nil, unit.isEmpty,
               let ratio = denominator(after: end - 1, words: words, bare: bare, lower: lower),
               !taken.contains(ratio.last) {
                value = value.map { $0 / ratio.value }
                end = ratio.last + 1
                needsNoun = false
            }
            var last = end - 1
            if unit.isEmpty, !ends(words[end - 1]),
               let noun = countedNoun(after: end - 1, words: words, bare: bare, lower: lower, plural: value != 1) {
                unit = noun.unit
                last = noun.last
            }
            // A spelled number with no noun after it counts only before a verb, a function word
            // or punctuation ("Twelve were injured", "killing two."), and "one" never does: not
            // before a modifier ("two sparring", "two largest").
            if needsNoun, last == end - 1, value == 1 || !(ends(words[end - 1]) || end == words.count
                || functionWords.contains(lower[end]) || lower[end].hasSuffix("ed")) {
                index = end
                continue
            }
            var start = index
            var approximator = ""
            if let phrase = self.approximator(before: index, lower: lower) {
                approximator = phrase.joined(separator: " ")
                start = index - phrase.count
            }
            let text = words[start...last].joined(separator: " ")
            let refersBack = !leadsWithDigit && compoundUnit == nil && approximator.isEmpty && index > 0
                && !ends(words[index - 1])
                && (definiteDeterminers.contains(lower[index - 1]) || lower[index - 1].hasSuffix("'s")
                    || lower[index - 1].hasSuffix("’s"))
            result.append(Claim.Quantity(value: value, unit: unit, approximator: approximator, text: strip(text),
                                         refersBack: refersBack))
            index = last + 1
        }
        return result
    }

    /// Fractions in words: "a third of", "a quarter of", "one fifth of", "half of", "half the".
    static let fractions: [String: Double] = ["half": 0.5, "third": 1.0 / 3, "quarter": 0.25, "fifth": 0.2]

    /// The fraction at word `index` and the words it takes, or nil: "a third" or "one third"
    /// before "of" (not "a third time", "the first quarter"), "half" before "of" or "the".
    static func fraction(at index: Int, lower: [String]) -> (value: Double, words: Int)? {
        if lower[index] == "half", index + 1 < lower.count, lower[index + 1] == "of" || lower[index + 1] == "the" {
            return (0.5, 1)
        }
        guard lower[index] == "a" || lower[index] == "one", index + 2 < lower.count,
              let value = fractions[lower[index + 1]], lower[index + 2] == "of" else { return nil }
        return (value, 2)
    }

    /// A number with a mark a plain number has not: a sign ("-3.5%", "+5", "−12"), a
    /// temperature ("40C", "-5°F", "72°"), or a currency with a short scale ("$5m", "£200k",
    /// "€1.2bn"); nil otherwise.
    static func markedNumber(_ word: String) -> (value: Double, unit: String)? {
        var text = Substring(word)
        var sign = 1.0
        if let first = text.first, first == "-" || first == "+" || first == "−" {
            sign = first == "+" ? 1 : -1
            text = text.dropFirst()
        }
        var currency = ""
        if let first = text.first, "$€£".contains(first) {
            currency = String(first)
            text = text.dropFirst()
        }
        let digits = text.prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard digits.first?.isNumber == true, digits.last?.isNumber == true,
              let magnitude = Double(String(digits).replacingCommas()) else { return nil }
        let rest = text.dropFirst(digits.count)
        let value = sign * magnitude
        if !currency.isEmpty {
            let shortScales: [Substring: Double] = ["k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12]
            guard let scale = shortScales[rest] ?? (rest.isEmpty ? 1 : nil) else { return nil }
            return (value * scale, currency)
        }
        switch rest {
        case "": return sign == 1 ? nil : (value, "")
        case "%": return (value, "%")
        case "C", "°C", "ºC": return (value, "°C")
        case "F", "°F", "ºF": return (value, "°F")
        case "°", "º": return (value, "°")
        default: return nil
        }
    }

    /// The denominator of a ratio after word `index` ("in 5", "out of ten") and the index of its
    /// last word; nil otherwise (the caller sets aside a year: "one in 2019").
    static func denominator(after index: Int, words: [String], bare: [String],
                            lower: [String]) -> (value: Double, last: Int)? {
        guard !ends(words[index]), index + 2 < lower.count else { return nil }
        var position = index + 1
        if lower[position] == "out", lower[position + 1] == "of", !ends(words[position + 1]) {
            position += 2
        } else if lower[position] == "in" {
            position += 1
        } else {
            return nil
        }
        guard position < lower.count else { return nil }
        let word = bare[position]
        let digit = word.first?.isNumber == true ? number(word) : nil
        guard let value = digit ?? cardinals[lower[position]], value > 0 else { return nil }
        return (value, position)
    }

    /// Whether a word as printed ends its phrase: a comma, semicolon, colon, bracket or quote
    /// mark after it, or a full stop that is not an abbreviation's.
    static func ends(_ word: String) -> Bool {
        guard let last = word.last else { return false }
        if ",;:)\"”!?".contains(last) { return true }
        return last == "." && !strip(word).hasSuffix(".")
    }

    /// A score, a tally or a range: two numbers joined by a hyphen or an en dash ("3-2",
    /// "52-48", "10-15", "1,000–2,000"), not a range of years ("2019-20": a date).
    static func isScoreOrRange(_ word: String) -> Bool {
        let parts = word.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, parts.allSatisfy(isPlainNumber) else { return false }
        return yearSpan(word) == nil
    }

    /// Digits with commas and dots between them ("1,000", "2.5").
    static func isPlainNumber(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last, first >= 0x30, first <= 0x39, last >= 0x30,
              last <= 0x39 else { return false }
        return text.utf8.allSatisfy { byte in (byte >= 0x30 && byte <= 0x39) || byte == 0x2C || byte == 0x2E }
    }

    /// A number-unit compound: "9-year-old" (9, "year-old"), "3-week" (3, "week"), "$5-million"
    /// (5,000,000, "$"), "five-day" (5, "day"); "twenty-five" is a spelled number with no unit
    /// yet. Nil for a word with no number before its first hyphen, for number-number words
    /// ("2-1", "1990-91") and for a spelled number before a participle ("one-sided").
    static func compound(_ word: String) -> (value: Double, unit: String?)? {
        guard let hyphen = word.firstIndex(of: "-") else { return nil }
        let head = String(word[..<hyphen])
        let tail = String(word[word.index(after: hyphen)...])
        guard let first = tail.first, first.isLetter else { return nil }
        if let value = number(head), head.first?.isNumber == true || "$€£".contains(head.first ?? " ") {
            if let scale = scales[tail] { return (value * scale, head.hasPrefix("$") ? "$" : "") }
            return (value, tail)
        }
        guard var value = cardinals[head] else { return nil }
        var unit = Substring(tail)
        let firstPart = unit.prefix { $0 != "-" }
        if value >= 20, let ones = cardinals[String(firstPart)], ones < 10 {
            // "twenty-five", "twenty-five-member".
            value += ones
            unit = unit.dropFirst(firstPart.count + 1)
            if unit.isEmpty { return (value, nil) }
        }
        let unitWord = String(unit.prefix { $0 != "-" })
        guard let letter = unitWord.first, letter.isLetter, !isModifierForm(unitWord), !functionWords.contains(unitWord)
        else { return nil }
        return (value, String(unit))
    }

    /// Determiners that make a count refer back ("the two", "these three", "their four").
    static let definiteDeterminers: Set<String> = ["the", "these", "those", "its", "their", "his", "her", "our"]

    /// Closed-class words: never what a figure counts ("12 were killed", "41, and", "two of the").
    static let functionWords: Set<String> = [
        "a", "an", "the", "of", "and", "or", "but", "nor", "to", "in", "on", "at", "by", "for", "with", "from",
        "into", "as", "than", "then", "that", "this", "these", "those", "who", "whom", "which", "what", "when",
        "where", "while",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
        "can", "could", "may", "might", "must", "shall", "should", "it", "its", "he", "she", "they", "them", "their",
        "his", "her", "we", "our", "you", "your", "i", "me", "my", "more", "most", "less", "least", "other", "others",
        "such", "each", "per", "about", "over", "under", "up", "down", "out", "off", "after", "before", "since",
        "until", "during", "through", "between", "among", "against", "across", "if", "because", "so", "not", "no",
        "also", "all", "both", "either", "neither", "only", "just", "even", "still", "again", "ago", "here", "there",
        "times", "percent", "pct", "versus", "vs", "plus", "minus", "too", "very",
    ]

    /// Plurals without an "s".
    static let irregularPlurals: Set<String> = [
        "people", "men", "women", "children", "police", "feet", "teeth", "mice", "geese", "personnel", "cattle",
        "staff", "crew", "livestock", "aircraft", "sheep", "fish", "deer", "data", "media", "offspring", "clergy",
        "troops", "militia",
    ]

    /// Words shaped like modifiers rather than nouns: participles ("sparring", "injured"),
    /// superlatives ("largest") and adverbs ("nearly").
    static func isModifierForm(_ word: String) -> Bool {
        let count = word.count
        if word.hasSuffix("ing") && count > 5 { return true }
        if word.hasSuffix("ed") && count > 4 && !word.hasSuffix("eed") { return true }
        if word.hasSuffix("est") && count > 5 { return true }
        return word.hasSuffix("ly") && count > 4
    }

    /// Whether a word looks like a plural noun: an irregular plural, or an "s" ending that is not
    /// "ss", "us" or "is" ("loss", "status", "crisis").
    static func looksPlural(_ word: String) -> Bool {
        if irregularPlurals.contains(word) { return true }
        guard word.count > 2, word.hasSuffix("s"), !word.contains("'"), !word.contains("’") else { return false }
        return !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
    }

    /// What a figure at word `index` counts: the plausible counted noun after it, and the index
    /// of the last word it takes. "of" and a determiner are stepped over ("two of the
    /// victims"); for a count other than one, up to two modifiers before a plural noun ("two
    /// senior officials"); "years old" is one unit ("41 years old"). Nil when what follows is
    /// not a noun ("12 were killed", "two sparring", "two largest"), or is past punctuation.
    ///
    /// - Complexity: O(1): at most five words after `index`.
    static func countedNoun(after index: Int, words: [String], bare: [String], lower: [String],
                            plural: Bool) -> (unit: String, last: Int)? {
        var position = index + 1
        if position < lower.count, lower[position] == "of", !ends(words[position]) {
            position += 1
            if position < lower.count, ["the", "his", "her", "their", "its", "our", "those", "these"]
                .contains(lower[position]), !ends(words[position]) {
                position += 1
            }
        }
        var modifiers = 0
        while position < lower.count {
            let candidate = lower[position]
            guard let first = candidate.first, first.isLetter, !functionWords.contains(candidate),
                  !ordinals.contains(candidate), cardinals[candidate] == nil else { return nil }
            let isNoun = !isModifierForm(candidate) && (!plural || looksPlural(candidate))
            if isNoun {
                var last = position
                var unit = candidate
                if ["years", "year", "months", "month", "weeks", "week", "days", "day"].contains(candidate),
                   !ends(words[position]), position + 1 < lower.count, lower[position + 1] == "old" {
                    last += 1
                    unit += " old"
                }
                return (unit, last)
            }
            // Only a count above one steps over a modifier: "one senior official" has no way to
            // tell the modifier from the noun.
            guard plural, modifiers < 2, !isModifierForm(candidate), !ends(words[position]) else { return nil }
            modifiers += 1
            position += 1
        }
        return nil
    }
}
