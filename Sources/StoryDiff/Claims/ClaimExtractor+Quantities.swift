extension ClaimExtractor {
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
            } else if let spelled = spelledNumbers[lower[index]],
                      !["first", "second"].contains(lower[index]) || index > 0 {
                value = spelled
            } else if vagueCounts.contains(lower[index]) {
                value = nil
            } else {
                index += 1
                continue
            }
            // Years and the days of dates ("March 18", "18 March") are dates, not quantities.
            let nextToMonth = (index > 0 && months.contains(bare[index - 1]))
                || (index + 1 < bare.count && months.contains(bare[index + 1]))
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
            if unit.isEmpty, end < words.count {
                unit = lower[end] == "of" && end + 1 < words.count ? lower[end + 1] : lower[end]
            }
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
            // A counted noun ("people") is part of the text; a sign is already in the number.
            let unitWords = unit.isEmpty || unit == "$" || unit == "%" ? 0 : 1
            let text = words[start..<min(end + unitWords, words.count)].joined(separator: " ")
            result.append(Claim.Quantity(value: value, unit: unit, approximator: approximator, text: strip(text)))
            index = end
        }
        return result
    }
}
