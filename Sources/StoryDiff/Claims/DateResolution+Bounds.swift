extension DateResolution {
    /// Words before a date that make it a bound or a part of a period, not the date itself:
    /// "by March 3", "until next week", "since Monday", "early March", "the end of March".
    /// Such a date said with another date is a deadline or a span moved, not the same date
    /// said more vaguely ("by March 3" -> "by the end of March").
    static let boundCues: Set<String> = [
        "by", "until", "till", "before", "after", "since", "through", "from", "between", "early", "late", "mid",
        "end", "start", "beginning", "middle", "within",
    ]

    /// Whether `date` (as `ClaimExtractor` took it from `sentence`) stands after a bound cue
    /// (`boundCues`) in the sentence, looking past "of" and "the" ("by the end of March").
    /// A date not found in the sentence is taken as bound, so that nothing is made vaguer
    /// on a guess.
    ///
    /// - Complexity: O(n · d) for a sentence of n words and a date of d words.
    public static func isBound(_ date: String, in sentence: String) -> Bool {
        let words = ClaimComparer.spaced(sentence).split(separator: " ")
        let dateWords = ClaimComparer.spaced(date).split(separator: " ")
        guard !dateWords.isEmpty, dateWords.count <= words.count else { return true }
        var found = false
        for start in 0...(words.count - dateWords.count) where words[start..<(start + dateWords.count)].elementsEqual(dateWords) {
            found = true
            var before = start - 1
            while before >= 0, ["of", "the", "on", "in"].contains(words[before]) { before -= 1 }
            if before >= 0, boundCues.contains(String(words[before])) { return true }
        }
        return !found
    }
}
