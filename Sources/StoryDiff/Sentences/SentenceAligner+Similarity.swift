extension SentenceAligner {
    /// How alike two sentences are to the aligner, 0 to 1: the Dice coefficient of their
    /// lower-case words with numbers and dates masked.
    ///
    /// - Complexity: O(n + m) in the lengths of the two sentences.
    public static func similarity(_ a: String, _ b: String) -> Double {
        dice(masked(a), masked(b))
    }

    /// Month and weekday names (ClaimExtractor's), hashed: masking looks up every word.
    static let calendarNames = Set(ClaimExtractor.months + ClaimExtractor.weekdays)

    /// Lower-case words with numbers as `#` and month and weekday names as `@`; a possessive
    /// "'s" is dropped ("Draper's" is "draper"), so a name keeps matching itself.
    ///
    /// - Complexity: O(n) in the length of the sentence.
    static func masked(_ sentence: String) -> [String: Int] {
        var bag: [String: Int] = [:]
        for token in WordTokenizer.tokens(sentence) where token.kind != .punctuation {
            let lower = token.body.lowercased()
            let word: String
            if token.kind == .number || ClaimExtractor.spelledNumbers[lower] != nil {
                word = "#"
            } else if lower != token.body, calendarNames.contains(token.body) {
                word = "@"
            } else {
                word = withoutPossessive(lower)
            }
            bag[word, default: 0] += 1
        }
        return bag
    }

    /// The word without a trailing possessive "'s" or "’s" (left alone when nothing else is left).
    static func withoutPossessive(_ word: String) -> String {
        guard word.utf8.last == UInt8(ascii: "s") else { return word }
        for suffix in ["'s", "\u{2019}s"] where word.hasSuffix(suffix) && word.count > suffix.count {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    static func dice(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let shared = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }
}
