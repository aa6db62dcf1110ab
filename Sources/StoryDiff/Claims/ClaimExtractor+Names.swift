extension ClaimExtractor {
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
                // A capitalised word that opens a sentence is a name only if the name goes on.
                let opensSentence = index == 0 || (words[index - 1].last.map { ".!?\"”".contains($0) } ?? false)
                if opensSentence, run.isEmpty, index + 1 < bare.count, bare[index + 1].first?.isUppercase != true {
                    continue
                }
                run.append(word.hasSuffix("'s") ? String(word.dropLast(2)) : word)
                // A possessive or punctuation ends the name: "China's top diplomat", "Yang Jiechi, and".
                if word.hasSuffix("'s") || (words[index].last.map { ",;:\"”)".contains($0) } ?? false)
                    || (words[index].hasSuffix(".") && !word.hasSuffix(".")) { flush() }
            } else {
                flush()
            }
        }
        flush()
        return (entities, titles)
    }
}
