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

    /// Words that join the parts of a name ("Bank of England", "Ursula von der Leyen").
    static let nameConnectives: Set<String> = ["of", "de", "van", "von", "bin", "al", "del", "da"]

    /// Month and weekday names as written (`months`, `weekdays`), made once.
    static let monthAndWeekdayNames = Set(weekdays + months)

    /// Runs of capitalised words (a sentence's first word only when the run goes on); the
    /// title words at the front of a run ("U.S. Secretary of State") are kept apart from the
    /// name ("Antony Blinken"). Month and weekday names are dates, not names.
    static func names(words: [String], bare: [String]) -> ([String], [String]) {
        let connectives = nameConnectives
        var entities: [String] = []
        var titles: [String] = []
        var run: [String] = []
        let timeWords = monthAndWeekdayNames
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

extension ClaimExtractor {
    /// Nouns that name an organisation or a body of people acting as one.
    static let organisationNouns: Set<String> = [
        "police", "council", "ministry", "department", "government", "army", "military", "navy", "court",
        "agency", "committee", "board", "commission", "parliament", "legislature", "prosecutors", "regulator",
        "regulators", "union", "coroner", "administration", "cabinet", "senate", "assembly", "inquiry", "tribunal",
        "watchdog",
    ]

    /// Organisations written in lower case: one lower-case modifier before an organisation
    /// noun ("state police", "health ministry", "federal prosecutors"), so that "the state
    /// police" -> "the county police" is a body replaced, not a rewording. The noun alone
    /// ("police said") names no particular body.
    ///
    /// - Complexity: O(w) for the w words of the sentence.
    static func organisations(bare: [String], lower: [String]) -> [String] {
        var result: [String] = []
        for index in lower.indices.dropFirst() where organisationNouns.contains(lower[index]) {
            let modifier = bare[index - 1]
            // A participle describes ("growing military"), it does not say which body.
            guard modifier.first?.isLowercase == true, modifier.count > 2, modifier.allSatisfy(\.isLetter),
                  !modifier.hasSuffix("ing"), !modifier.hasSuffix("ed"),
                  !openingFunctionWords.contains(modifier.prefix(1).uppercased() + modifier.dropFirst()), !negationWords.contains(modifier),
                  !["other", "some", "many", "most", "such", "more", "former", "said", "told", "also"].contains(modifier)
            else { continue }
            result.append(modifier + " " + lower[index])
        }
        return result
    }
}
