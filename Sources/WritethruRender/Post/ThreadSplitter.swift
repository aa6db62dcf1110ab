/// Splits a post's text into a thread of posts of at most `limit` graphemes (Swift
/// `Character`s, as Bluesky counts them), numbered "1/3 ", "2/3 ", ... when there are several,
/// the numbering counted in the limit. Breaks fall at a line break, else after a sentence,
/// else between words (when one of them lies in the second half of the room left), else, for a
/// word longer than a post, between two graphemes: never inside one. Only the whitespace at a
/// break is dropped, so the thread holds every other character of the text, once, in order.
/// The same text and limit always give the same thread.
public enum ThreadSplitter {
    /// - Complexity: O(n d) for n graphemes and d digits of the thread's length (one greedy
    ///   pass per numbering width tried, each O(n) with a backward search of at most `limit`).
    public static func split(_ text: String, limit: Int) -> [String] {
        let characters = Array(text)
        guard characters.count > limit else { return [text] }
        var digits = 1
        while true {
            // "12/12 ": both numbers as wide as the thread's length, a slash, a space.
            let budget = limit - (2 * digits + 2)
            guard budget > 0 else { return pieces(characters, budget: max(1, limit)) }
            let parts = pieces(characters, budget: budget)
            if String(parts.count).count <= digits {
                return parts.enumerated().map { "\($0.offset + 1)/\(parts.count) " + $0.element }
            }
            digits += 1
        }
    }

    /// The text cut greedily into pieces of at most `budget` graphemes.
    static func pieces(_ characters: [Character], budget: Int) -> [String] {
        var parts: [String] = []
        var start = skipWhitespace(characters, from: 0)
        while characters.count - start > budget {
            let end: Int
            let resume: Int
            if let cut = breakPoint(characters, start: start, budget: budget) {
                end = cut
                resume = skipWhitespace(characters, from: cut)
            } else {
                end = start + budget
                resume = end
            }
            var last = end
            while last > start, characters[last - 1].isWhitespace { last -= 1 }
            parts.append(String(characters[start..<last]))
            start = skipWhitespace(characters, from: resume)
        }
        if start < characters.count { parts.append(String(characters[start...])) }
        return parts
    }

    /// Where to break the piece that starts at `start`: the offset of a whitespace character
    /// within `budget` of it, by preference a line break, then the space after a sentence, in
    /// the second half of the room, else the last whitespace; nil when there is none.
    static func breakPoint(_ characters: [Character], start: Int, budget: Int) -> Int? {
        let upper = min(start + budget, characters.count - 1)
        guard upper > start else { return nil }
        let half = start + budget / 2
        var lastSpace: Int?
        var lastSentence: Int?
        var offset = upper
        while offset > start {
            let character = characters[offset]
            if character.isNewline, offset >= half { return offset }
            if character.isWhitespace {
                if lastSpace == nil { lastSpace = offset }
                if lastSentence == nil, offset >= half, endsSentence(characters, before: offset, start: start) {
                    lastSentence = offset
                }
            }
            offset -= 1
        }
        return lastSentence ?? lastSpace
    }

    /// Whether the characters before `offset` end a sentence: ".", "!", "?" or "…", perhaps
    /// followed by a closing quote or parenthesis.
    static func endsSentence(_ characters: [Character], before offset: Int, start: Int) -> Bool {
        var index = offset - 1
        while index > start, ["”", "’", "\"", "'", ")"].contains(characters[index]) { index -= 1 }
        return index >= start && [".", "!", "?", "…"].contains(characters[index])
    }

    static func skipWhitespace(_ characters: [Character], from offset: Int) -> Int {
        var index = offset
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        return index
    }
}
