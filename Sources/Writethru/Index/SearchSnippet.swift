import Foundation

/// The snippet a search hit shows: the sentence with each word the query names between
/// `SearchHit.markStart` and `markEnd`, cut to `window` words around the first one when the
/// sentence is longer (`…` where it is cut). Words are compared as the index compares them
/// (runs of letters and digits, case and accents folded); a query word ending in `*` marks
/// every word it begins. Built in Swift from the sentence's text, so the hits need no second
/// full-text lookup.
struct SearchSnippet {
    static let window = 48
    /// Words of the query, folded; `prefix` for those ending in `*`.
    private let words: Set<String>
    private let prefixes: [String]
    /// The lengths (in scalars) a word must have to be compared at all: most are not.
    private let lengths: Set<Int>
    private let shortestPrefix: Int

    /// The words a query names: its terms, without FTS5's operators, column filters or the
    /// distance of a NEAR group.
    init(query: String) {
        var words = Set<String>()
        var prefixes: [String] = []
        let scalars = Array(query.unicodeScalars)
        var index = 0
        var previousWasNearComma = false
        while index < scalars.count {
            guard Self.isWordScalar(scalars[index]) else {
                previousWasNearComma = scalars[index] == "," || (previousWasNearComma && scalars[index] == " ")
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, Self.isWordScalar(scalars[end]) { end += 1 }
            var word = String(String.UnicodeScalarView(scalars[index..<end]))
            let isPrefix = end < scalars.count && scalars[end] == "*"
            let isOperator = ["AND", "OR", "NOT", "NEAR"].contains(word)
            let isDistance = previousWasNearComma && word.allSatisfy(\.isNumber)
            previousWasNearComma = false
            index = end
            guard !isOperator, !isDistance else { continue }
            word = Self.fold(word)
            if isPrefix { prefixes.append(word) } else { words.insert(word) }
        }
        self.words = words
        self.prefixes = prefixes
        lengths = Set(words.map(\.unicodeScalars.count))
        shortestPrefix = prefixes.map(\.unicodeScalars.count).min() ?? Int.max
    }

    /// Whether a word of the sentence is one the query names.
    private func matches(_ scalars: [Unicode.Scalar]) -> Bool {
        // Folding can change a word's length only outside ASCII (a decomposed accent).
        guard lengths.contains(scalars.count) || scalars.count >= shortestPrefix || scalars.contains(where: { !$0.isASCII })
        else { return false }
        let word = Self.fold(String(String.UnicodeScalarView(scalars)))
        return words.contains(word) || prefixes.contains { word.hasPrefix($0) }
    }

    /// - Complexity: O(n) in the sentence's length.
    func render(_ sentence: String) -> String {
        let scalars = sentence.unicodeScalars
        var tokens: [(start: String.Index, end: String.Index, matches: Bool)] = []
        var index = scalars.startIndex
        var word: [Unicode.Scalar] = []
        while index < scalars.endIndex {
            guard Self.isWordScalar(scalars[index]) else {
                scalars.formIndex(after: &index)
                continue
            }
            let start = index
            word.removeAll(keepingCapacity: true)
            while index < scalars.endIndex, Self.isWordScalar(scalars[index]) {
                word.append(scalars[index])
                scalars.formIndex(after: &index)
            }
            tokens.append((start, index, matches(word)))
        }
        var first = 0
        var last = tokens.count
        if tokens.count > Self.window {
            let hit = tokens.firstIndex { $0.matches } ?? 0
            first = max(0, min(hit - Self.window / 6, tokens.count - Self.window))
            last = first + Self.window
        }
        // Matches separated by spaces only are one mark: "[Zhao Lijian]".
        var marks: [(start: String.Index, end: String.Index)] = []
        for token in tokens[first..<last] where token.matches {
            if let previous = marks.last, sentence[previous.end..<token.start].allSatisfy({ $0 == " " }) {
                marks[marks.count - 1].end = token.end
            } else {
                marks.append((token.start, token.end))
            }
        }
        let from = first == 0 ? sentence.startIndex : tokens[first].start
        let to = last == tokens.count ? sentence.endIndex : tokens[last - 1].end
        var out = first > 0 ? "…" : ""
        out.reserveCapacity(sentence.utf8.count + 8 * marks.count)
        var position = from
        for mark in marks {
            out += sentence[position..<mark.start]
            out.append(SearchHit.markStart)
            out += sentence[mark.start..<mark.end]
            out.append(SearchHit.markEnd)
            position = mark.end
        }
        out += sentence[position..<to]
        if last < tokens.count { out += "…" }
        return out
    }

    /// Letters, digits and marks, as SQLite's unicode61 tokenizer keeps them in words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    static func fold(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { !$0.isASCII }) else { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
