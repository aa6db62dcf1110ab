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
        // `contains` compares characters (canonical equivalence), which costs more than the rest
        // of the claim: a phrase of ASCII letters and spaces is only ever found where its bytes
        // are, so the bytes are searched first and `contains` decides where they are found.
        for phrase in relativeDates where utf8(of: joined, holds: phrase) && joined.contains(phrase) {
            result.append(phrase)
        }
        return result
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
