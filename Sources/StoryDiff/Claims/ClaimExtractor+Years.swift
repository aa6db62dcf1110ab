extension ClaimExtractor {
    /// The years a bare four-digit number can be.
    static let yearRange = 1500...2100

    /// Whether word `index` is a year ("in 1989", "the 1989 spill", "1989's", "March 2019"):
    /// four digits without separators in `yearRange`, and not a figure: no approximator before
    /// it ("more than 2000"), no scale or percent after it ("2000 million", "2000 percent").
    ///
    /// - Complexity: O(1): the word, the one after it and the approximators of up to three words
    ///   before it.
    static func isYear(_ index: Int, bare: [String], lower: [String]) -> Bool {
        guard year(bare[index]) != nil else { return false }
        if index + 1 < lower.count, scales[lower[index + 1]] != nil { return false }
        return approximator(before: index, lower: lower) == nil
    }

    /// The year a word prints ("1989", "1989's"), or nil.
    static func year(_ word: String) -> Int? {
        var digits = Substring(word)
        if digits.hasSuffix("'s") || digits.hasSuffix("’s") { digits = digits.dropLast(2) }
        guard digits.utf8.count == 4, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(digits),
              yearRange.contains(value) else { return nil }
        return value
    }

    /// A decade ("1980s", "1990's"), as its first year and "s"; nil otherwise.
    static func decade(_ word: String) -> String? {
        var text = Substring(word)
        if text.hasSuffix("'s") || text.hasSuffix("’s") { text = text.dropLast(2) + "s" }
        guard text.hasSuffix("0s"), let value = year(String(text.dropLast())) else { return nil }
        return "\(value)s"
    }

    /// A span of years ("2019-20", "2010-2015", "1990–91") with its last year written out
    /// ("2019-2020"), or nil: the second year after the first, within ten years when it has two
    /// digits, within a century when it has four.
    static func yearSpan(_ word: String) -> String? {
        let parts = word.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, let first = year(String(parts[0])), parts[1].count == 2 || parts[1].count == 4,
              parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let second = Int(parts[1]) else { return nil }
        var last = second
        if parts[1].count == 2 {
            let century = first / 100 * 100
            last = century + second + (second < first % 100 ? 100 : 0)
        }
        guard last > first, last - first <= (parts[1].count == 2 ? 10 : 99) else { return nil }
        return "\(first)-\(last)"
    }
}
