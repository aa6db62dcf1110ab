/// A single capital and a period: an initial (John F. Kennedy, Albert I. Jones) or a word that
/// ends a sentence ("posted on X.", "World War I.", "Plan B.", "you and I.").
extension SentenceSegmenter {
    /// Prepositions that take a letter designator far more often than a person's initial
    /// ("on X", "at A", "via Y").
    static let designatorPrepositions: Set<String> = ["on", "in", "at", "via", "into", "onto", "than"]

    /// Whether the single capital `letter`, whose period is at `terminator`, ends the sentence
    /// before `nextWord` (a capitalised word starting at `wordStart`). It does when
    /// - the next word is one that opens sentences (The, He, It, But, Did, ...) and not itself
    ///   an initial ("J. R. Tolkien", "I. M. Pei" go on);
    /// - the capital is "I" after a lower-case word: the pronoun ("you and I. Did");
    /// - the capital follows a preposition that takes a designator ("posted on X. Musk").
    /// Otherwise it is an initial and the name goes on ("John F. Kennedy", "Albert I. Jones").
    ///
    /// - Complexity: O(1): the word before and the word after are read.
    static func initialEndsSentence(_ text: ArraySlice<Unicode.Scalar>, _ letter: String, terminator: Int,
                                    nextWord: String, wordStart: Int) -> Bool {
        let afterWord = wordStart + nextWord.unicodeScalars.count
        if nextWord.unicodeScalars.count == 1, afterWord < text.endIndex, text[afterWord] == "." { return false }
        if sentenceStarters.contains(nextWord) { return true }
        guard let before = word(in: text, endingBefore: terminator - letter.unicodeScalars.count) else { return false }
        if letter == "I", before.first?.isLowercase == true { return true }
        return designatorPrepositions.contains(before)
    }

    /// The word that ends before `start` (a blank between them), without trailing commas and
    /// quotes; nil at the start of the text or when `start` is glued to something before it.
    static func word(in text: ArraySlice<Unicode.Scalar>, endingBefore start: Int) -> String? {
        var end = start
        while end > text.startIndex, openers.contains(text[end - 1]) { end -= 1 }
        guard end > text.startIndex, text[end - 1].isBlank else { return nil }
        while end > text.startIndex, text[end - 1].isBlank { end -= 1 }
        while end > text.startIndex, text[end - 1] == "," || closers.contains(text[end - 1]) { end -= 1 }
        var begin = end
        while begin > text.startIndex, text[begin - 1].properties.isAlphabetic { begin -= 1 }
        return begin < end ? string(text[begin..<end]) : nil
    }
}
