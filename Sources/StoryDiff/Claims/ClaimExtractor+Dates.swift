extension ClaimExtractor {
    static func dates(words: [String], bare: [String], lower: [String]) -> [String] {
        var result: [String] = []
        for (index, word) in bare.enumerated() {
            if months.contains(word), index + 1 < bare.count, let day = Int(bare[index + 1]), (1...31).contains(day) {
                var text = word + " " + bare[index + 1]
                if index + 2 < bare.count, let year = Int(bare[index + 2]), (1900...2100).contains(year) {
                    text += ", \(year)"
                }
                result.append(text)
            } else if weekdays.contains(word) {
                let qualified = index > 0 && ["on", "last", "next", "this"].contains(lower[index - 1])
                result.append(qualified ? lower[index - 1] + " " + word : word)
            }
        }
        let joined = lower.joined(separator: " ")
        for phrase in relativeDates where joined.contains(phrase) { result.append(phrase) }
        return result
    }
}
