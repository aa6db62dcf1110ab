extension ClaimComparer {
    /// Function words: what a clause can gain or lose without saying more.
    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "that",
        "which", "who", "whom", "whose", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be",
        "been", "being", "has", "have", "had", "do", "does", "did", "also", "then", "so", "than", "there", "their",
        "they", "he", "she", "his", "her", "we", "our", "said", "says", "say", "s",
    ]

    /// Information added or removed without a figure, name or date: the new sentence is the
    /// old one with one run of at least three content words (two in a clause of four words)
    /// inserted ("The bridge will reopen"
    /// -> "The bridge will reopen after inspectors finish their checks"), or the reverse. A
    /// single modifier ("northern Summit County") is style; a rewrite that changes words on
    /// both sides is rewording.
    ///
    /// - Returns: the inserted (or removed) words, and whether they were added.
    /// - Complexity: O(n + m) for sentences of n and m words (common prefix and suffix).
    static func detail(_ old: String, _ new: String) -> (words: String, added: Bool)? {
        let a = spaced(old).split(separator: " "), b = spaced(new).split(separator: " ")
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let removed = a[prefix..<(a.count - suffix)], inserted = b[prefix..<(b.count - suffix)]
        func content(_ words: ArraySlice<Substring>) -> Int { words.filter { !functionWords.contains(String($0)) }.count }
        // Three content words, or two in a clause of four words or more ("who had been
        // drinking heavily").
        func informs(_ words: ArraySlice<Substring>) -> Bool {
            let count = content(words)
            return count >= 3 || (count == 2 && words.count >= 4)
        }
        if content(removed) == 0, informs(inserted) { return (inserted.joined(separator: " "), true) }
        if content(inserted) == 0, informs(removed) { return (removed.joined(separator: " "), false) }
        return nil
    }
}
