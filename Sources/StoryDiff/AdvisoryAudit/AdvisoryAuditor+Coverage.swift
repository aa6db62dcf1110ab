import StoryText

extension AdvisoryAuditor {
    static let addedKinds: Set<ClaimChange.Kind> = [.claimAdded, .quoteAdded, .entityAdded]
    static let addingVerbs: Set<String> = ["add", "include", "insert", "expand"]

    static func covers(_ item: AdvisoryItem, _ change: ClaimChange, settings: DiffSettings = DiffSettings()) -> Bool {
        let verb = item.verb ?? ""
        let object = item.object.lowercased()
        if ["rewrite", "write through"].contains(verb) { return true }
        if verb == "recast", change.kind == .claimRemoved || change.paragraph <= settings.recastLeadParagraphs {
            return true
        }
        if item.paragraphs.contains(change.paragraph) { return true }
        let adding = addingVerbs.contains(verb)
        // "Adds background", "adds analyst comment": the head word names no fact, so the item
        // accounts for added claims in general.
        let objectWords = object.split(separator: " ").map(String.init)
        let general = objectWords.allSatisfy { generalObjects.contains($0) || stopwords.contains($0) }
            || objectWords.last.map(generalObjects.contains) == true
        if general, adding || verb == "update", addedKinds.contains(change.kind) { return true }
        // An addition is found in the sentences it added; any other change only in the values
        // that changed, so "Adds Blinken comments" does not account for a date changed in a
        // sentence that happens to name Blinken.
        let words = stems(object)
        guard !words.isEmpty else { return false }
        let evidence = adding && !addedKinds.contains(change.kind)
            ? [change.from, change.to].compactMap { $0 }.joined(separator: " ")
            : [change.new, change.old, change.from, change.to].compactMap { $0 }.joined(separator: " ")
        let changeStems = Set(stems(evidence))
        return words.contains { word in changeStems.contains { $0.hasPrefix(word) || word.hasPrefix($0) } }
    }

    /// Content words (four letters or more, not stopwords), reduced by common suffixes. Words
    /// are cut at every scalar that is not a letter, ASCII ones without a Unicode property look-up
    /// (the audit runs this on every changed sentence for every advisory item).
    ///
    /// - Complexity: O(n) in the length of the text. An ASCII text is cut by bytes (a word is a
    ///   run of a-z, as many characters as bytes), any other by scalars.
    static func stems(_ text: String) -> [String] {
        let lower = text.lowercased()
        if lower.utf8.allSatisfy({ $0 < 0x80 }), let words = asciiWords(lower) {
            return words.filter { !stopwords.contains($0) }.map(stem)
        }
        return scalarStems(lower)
    }

    /// `stems(_:)` for any text, scalar by scalar (what the ASCII path must agree with).
    static func scalarStems(_ text: String) -> [String] {
        let lower = text.lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in lower.unicodeScalars {
            let letter = scalar.isASCII ? (0x61...0x7A).contains(scalar.value) : Character(scalar).isLetter
            if letter {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.filter { $0.count >= 4 && !stopwords.contains($0) }.map(stem)
    }

    /// The runs of a-z of at least four letters in an ASCII text, or nil when its bytes are
    /// not contiguous.
    static func asciiWords(_ lower: String) -> [String]? {
        lower.utf8.withContiguousStorageIfAvailable { bytes in
            var words: [String] = []
            var start = -1
            for index in 0...bytes.count {
                let letter = index < bytes.count && bytes[index] >= 0x61 && bytes[index] <= 0x7A
                if letter {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    if index - start >= 4 { words.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
                    start = -1
                }
            }
            return words
        }
    }

    /// The suffixes `stem(_:)` takes off, in the order it tries them.
    static let stemSuffixes = ["ations", "ation", "ings", "ing", "ed", "es", "s", "'s"]

    static func stem(_ word: String) -> String {
        for suffix in stemSuffixes
        where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
