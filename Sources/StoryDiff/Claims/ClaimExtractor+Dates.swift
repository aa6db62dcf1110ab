extension ClaimExtractor {
    /// Words before a month alone that make it a date ("in March", "since May", "last April",
    /// "the end of June"): elsewhere a capitalised "May" or "June" may be a name or the verb.
    static let monthCues: Set<String> = [
        "in", "since", "by", "until", "till", "from", "during", "before", "after", "early", "late", "mid", "last",
        "next", "this", "of", "between",
    ]

    /// Words between two months ("March and April", "March to May"): the second is a date only
    /// after a first ("Johnson and May" is a name).
    static let monthJoiners: Set<String> = ["and", "or", "to", "through", "until"]

    /// The dates a sentence prints, each as its words without punctuation: "March 18", "March 18,
    /// 2024", "18 March", "March 2019", "March", "last March", "1989", "2019-20", "1980s", "mid-2019",
    /// "on Thursday", "9:40 a.m.", "no earlier than 5 p.m. EDT", and the relative ones ("next
    /// week"). A weekday in apposition to a date ("Thursday, March 18") is that date, not a
    /// second one. Also returns the indices of the words they take, which are not quantities.
    ///
    /// - Complexity: O(w) for the w words, each looked at with the few after and before it,
    ///   plus an O(n) byte search of the sentence's n characters for each relative date.
    static func dates(words: [String], bare: [String], lower: [String]) -> (dates: [String], taken: Set<Int>) {
        var result: [String] = []
        var taken = Set<Int>()
        var index = 0
        func take(_ text: String, _ range: Range<Int>) {
            result.append(text)
            taken.formUnion(range)
            index = range.upperBound
        }
        // Only a word with a digit can be a day, a year, a decade or a clock time's hour.
        let digits = bare.map { word in word.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
        func day(_ position: Int) -> Int? {
            guard position < bare.count, digits[position] else { return nil }
            var text = Substring(bare[position])
            for ending in ["st", "nd", "rd", "th"] where text.hasSuffix(ending) { text = text.dropLast(2) }
            guard let value = Int(text), (1...31).contains(value) else { return nil }
            return value
        }
        // The punctuation after word `position` ends the date there ("March 18, 2024" goes on
        // past its comma only into a year).
        func closes(_ position: Int) -> Bool {
            guard let last = words[position].last else { return false }
            return ";:)\"”".contains(last)
                || (last == "." && !bare[position].hasSuffix(".") && !months.contains(bare[position] + "."))
        }
        while index < bare.count {
            let word = bare[index]
            if months.contains(word) {
                if let day = day(index + 1), !closes(index) {
                    var end = index + 2
                    var text = word + " \(day)"
                    if end < bare.count, !closes(index + 1), let year = year(bare[end]) {
                        text += ", \(year)"
                        end += 1
                    }
                    take(text, index..<end)
                    continue
                }
                if index + 1 < bare.count, !closes(index), let year = year(bare[index + 1]) {
                    take(word + " \(year)", index..<(index + 2))
                    continue
                }
                // "March of 2019" is March 2019.
                if index + 2 < bare.count, lower[index + 1] == "of", !closes(index), !closes(index + 1),
                   let year = year(bare[index + 2]) {
                    take(word + " \(year)", index..<(index + 3))
                    continue
                }
                if index > 0, monthCues.contains(lower[index - 1])
                    || (index > 1 && monthJoiners.contains(lower[index - 1]) && months.contains(bare[index - 2])) {
                    let qualified = ["last", "next", "this"].contains(lower[index - 1])
                    take(qualified ? lower[index - 1] + " " + word : word, index..<(index + 1))
                    continue
                }
            } else if let dayNumber = day(index), index + 1 < bare.count, months.contains(bare[index + 1]),
                      !closes(index) {
                var end = index + 2
                var text = "\(dayNumber) " + bare[index + 1]
                if end < bare.count, !closes(index + 1), let year = year(bare[end]) {
                    text += " \(year)"
                    end += 1
                }
                take(text, index..<end)
                continue
            } else if weekdays.contains(word) {
                // "Thursday, March 18" / "Thursday, 18 March": the date says it.
                let apposition = index + 2 < bare.count
                    && ((months.contains(bare[index + 1]) && day(index + 2) != nil)
                        || (day(index + 1) != nil && months.contains(bare[index + 2])))
                if !apposition {
                    let qualified = index > 0 && ["on", "last", "next", "this"].contains(lower[index - 1])
                    result.append(qualified ? lower[index - 1] + " " + word : word)
                }
                taken.insert(index)
                index += 1
                continue
            } else if digits[index] || lower[index] == "noon" || lower[index] == "midnight",
                      let time = ClockTime.time(at: index, bare: bare, lower: lower) {
                take(time.text, index..<time.end)
                continue
            } else if digits[index], isYear(index, bare: bare, lower: lower), let year = year(word) {
                take("\(year)", index..<(index + 1))
                continue
            } else if digits[index], yearSpan(word) != nil {
                take(word, index..<(index + 1))
                continue
            } else if digits[index], let decade = decade(word) {
                take(decade, index..<(index + 1))
                continue
            } else if lower[index].utf8.first == 0x6D, lower[index].hasPrefix("mid-") {
                let rest = String(word.dropFirst(4))
                if let year = year(rest) {
                    take("mid-\(year)", index..<(index + 1))
                    continue
                }
                if months.contains(rest) {
                    take("mid-" + rest, index..<(index + 1))
                    continue
                }
            }
            index += 1
        }
        let joined = lower.joined(separator: " ")
        // `contains` compares characters (canonical equivalence), which costs more than the rest
        // of the claim: a phrase of ASCII letters and spaces is only ever found where its bytes
        // are, so the bytes are searched first and `contains` decides where they are found.
        for phrase in relativeDates where utf8(of: joined, holds: phrase) && joined.contains(phrase) {
            result.append(phrase)
        }
        return (result, taken)
    }

    /// Whether `text`'s UTF-8 holds `phrase`'s as a run of bytes.
    static func utf8(of text: String, holds phrase: String) -> Bool {
        var text = text
        var phrase = phrase
        return text.withUTF8 { haystack in
            phrase.withUTF8 { needle in
                guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
                var start = 0
                let last = haystack.count - needle.count
                while start <= last {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
