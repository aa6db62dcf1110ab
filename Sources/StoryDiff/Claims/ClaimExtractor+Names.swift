extension ClaimExtractor {
    /// Words of the closed classes (articles, prepositions, conjunctions, pronouns,
    /// determiners) that open sentences with a capital and never begin a name.
    static let openingFunctionWords: Set<String> = [
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Without", "After", "Before", "During",
        "Under", "Over", "Into", "Of", "To", "As", "But", "And", "Or", "Nor", "So", "Yet", "If", "When", "While",
        "Since", "Until", "Although", "Though", "Because", "Despite", "Among", "Between", "Across", "Amid", "Against",
        "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your", "This",
        "That", "These", "Those", "There", "Here", "Some", "Many", "Most", "All", "Both", "Each", "Every", "No",
    ]

    /// Runs of capitalised words (a sentence's first word only when the run goes on); the
    /// title words at the front of a run ("U.S. Secretary of State") are kept apart from the
    /// name ("Antony Blinken"). Month and weekday names are dates, not names.
    static func names(words: [String], bare: [String]) -> ([String], [String]) {
        let connectives: Set<String> = ["of", "de", "van", "von", "bin", "al", "del", "da"]
        var entities: [String] = []
        var titles: [String] = []
        var run: [String] = []
        let timeWords = Set(weekdays + months)
        func flush() {
            var words = run
            run = []
            while let last = words.last, connectives.contains(last) { words.removeLast() }
            guard !words.isEmpty else { return }
            if let lastTitle = words.lastIndex(where: titleWords.contains), lastTitle < words.count - 1 {
                titles.append(words[...lastTitle].joined(separator: " "))
                words = Array(words[(lastTitle + 1)...])
            } else if words.allSatisfy({ titleWords.contains($0) || connectives.contains($0) }) {
                titles.append(words.joined(separator: " "))
                return
            }
            entities.append(words.joined(separator: " "))
        }
        for (index, word) in bare.enumerated() {
            let capitalised = word.first?.isUppercase == true && word.count > 1 && !timeWords.contains(word)
            if capitalised || (!run.isEmpty && connectives.contains(word)) {
                // A capitalised word that opens a sentence is a name only if the name goes on,
                // and never when it is a function word ("In Lisbon", "The City Council") or a
                // word set off by a comma ("Meanwhile, ...", "However, ...").
                let opensSentence = index == 0 || (words[index - 1].last.map { ".!?\"”".contains($0) } ?? false)
                if opensSentence, run.isEmpty {
                    let goesOn = index + 1 < bare.count && bare[index + 1].first?.isUppercase == true
                    if !goesOn || openingFunctionWords.contains(word) || words[index].hasSuffix(",") { continue }
                }
                let possessive = word.hasSuffix("'s") || word.hasSuffix("’s")
                run.append(possessive ? String(word.dropLast(2)) : word)
                // A possessive or punctuation ends the name: "China's top diplomat", "Yang Jiechi, and".
                if possessive || (words[index].last.map { ",;:\"”)".contains($0) } ?? false)
                    || (words[index].hasSuffix(".") && !word.hasSuffix(".")) { flush() }
            } else {
                flush()
            }
        }
        flush()
        return (entities, titles)
    }
}
