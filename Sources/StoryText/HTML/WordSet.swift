/// A set of short lower-case words (class words, tag names) that says "no" to most words
/// without hashing them: a table of the (length, first byte) pairs its words have rules out a
/// word in one look, and only the rest are looked up. The metadata's walks ask it about every
/// word of every element's class and id, nearly all of them not listed.
///
/// - Complexity: O(1) a `contains` for a word that no listed word shares length and first byte
///   with; one hash of the word otherwise.
struct WordSet: ExpressibleByArrayLiteral, Sendable {
    let words: Set<String>
    /// Room for words of this many bytes; longer ones are looked up.
    private static let tableLength = 32
    private let starts: [Bool]

    init(_ words: Set<String>) {
        self.words = words
        var starts = [Bool](repeating: false, count: Self.tableLength * 256)
        for word in words {
            guard let first = word.utf8.first, word.utf8.count < Self.tableLength else { continue }
            starts[word.utf8.count * 256 + Int(first)] = true
        }
        // Long words are few: they are looked up whatever their first byte.
        self.starts = starts
    }

    init(arrayLiteral words: String...) { self.init(Set(words)) }

    func contains(_ word: String) -> Bool {
        let length = word.utf8.count
        if length < Self.tableLength {
            guard let first = word.utf8.first, starts[length * 256 + Int(first)] else { return false }
        }
        return words.contains(word)
    }
}
