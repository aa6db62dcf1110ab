extension ClaimExtractor {
    /// The words of a sentence with the spaces a scraper dropped around a number put back:
    /// "to7.3" -> "to", "7.3"; "in1987by" -> "in", "1987", "by"; "9:40am" -> "9:40", "am".
    ///
    /// A word is cut before a number only after a lower-case word of two letters or more with a
    /// vowel ("to", "in": not "mp3", "h1n1", "A320"), and after a number only before two
    /// lower-case letters or more that are not an ordinal's ending ("7.3feet", "1987by", "10am":
    /// not "2nd", "19th", "1980s", "3D"); a number that begins inside a word ("A320neo") is
    /// left whole, and so is a handle, hashtag or address ("@user123", "#covid19").
    ///
    /// - Complexity: O(n) in the sentence's n characters; a word without a digit is looked at
    ///   byte by byte once and kept as it is.
    static func unglued(_ words: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(words.count)
        for word in words {
            if word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let pieces = pieces(of: word) {
                result += pieces
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// The pieces of one word with a digit, or nil when it is not glued.
    static func pieces(of word: String) -> [String]? {
        // Handles, hashtags, addresses and identifiers are not prose: "@user123", "#covid19".
        guard !word.utf8.contains(where: { "@#/_=&\\".utf8.contains($0) }) else { return nil }
        let scalars = Array(word.unicodeScalars)
        func isLower(_ index: Int) -> Bool {
            index < scalars.count && scalars[index].value >= 0x61 && scalars[index].value <= 0x7A
        }
        func isDigit(_ index: Int) -> Bool {
            index < scalars.count && scalars[index].value >= 0x30 && scalars[index].value <= 0x39
        }
        func isCurrency(_ index: Int) -> Bool {
            index < scalars.count && ["$", "€", "£"].contains(scalars[index])
        }
        var start = 0
        while start < scalars.count, !scalars[start].properties.isAlphabetic, !isDigit(start), !isCurrency(start) {
            start += 1
        }
        var cuts: [Int] = []
        var letters = start
        while isLower(letters) { letters += 1 }
        var numberStart = start
        if letters - start >= 2, isDigit(letters) || (isCurrency(letters) && isDigit(letters + 1)),
           scalars[start..<letters].contains(where: { "aeiouy".unicodeScalars.contains($0) }) {
            cuts.append(letters)
            numberStart = letters
        } else if letters != start || !(isDigit(start) || isCurrency(start)) {
            return nil
        }
        var position = numberStart
        if isCurrency(position) { position += 1 }
        while isDigit(position) || ([".", ",", ":"].contains(scalars[safe: position]) && isDigit(position + 1)) {
            position += 1
        }
        if scalars[safe: position] == "%" { position += 1 }
        var suffix = position
        while isLower(suffix) { suffix += 1 }
        let ending = String(String.UnicodeScalarView(scalars[position..<suffix]))
        if suffix - position >= 2, !["st", "nd", "rd", "th"].contains(ending) { cuts.append(position) }
        guard !cuts.isEmpty else { return nil }
        var pieces: [String] = []
        var from = 0
        for cut in cuts + [scalars.count] {
            pieces.append(String(String.UnicodeScalarView(scalars[from..<cut])))
            from = cut
        }
        return pieces
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalar at `index`, or nil past either end.
    subscript(safe index: Int) -> Unicode.Scalar? { indices.contains(index) ? self[index] : nil }
}
