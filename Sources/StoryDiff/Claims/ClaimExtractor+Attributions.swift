extension ClaimExtractor {
    /// "X said", "said X", "X told reporters", "according to X".
    static func attributions(sentence: String, words: [String], bare: [String],
                             lower: [String]) -> [Claim.Attribution] {
        var result: [Claim.Attribution] = []
        for (index, word) in lower.enumerated() {
            if word == "according", index + 1 < lower.count, lower[index + 1] == "to" {
                let source = phrase(words, bare, from: index + 2, forward: true)
                if !source.isEmpty { result.append(Claim.Attribution(source: source, cue: "according to")) }
                continue
            }
            guard cueVerbSet.contains(word) || CueStrength.pastForms[word] != nil else { continue }
            // "said X" after a quote or a comma (inverted), else "X said".
            let before = index > 0 ? words[index - 1] : ""
            let inverted = before.hasSuffix(",\"") || before.hasSuffix(",”")
                || (before.hasSuffix(",") && index + 1 < words.count && words[index + 1].first?.isUppercase == true)
            var source = inverted
                ? phrase(words, bare, from: index + 1, forward: true)
                : phrase(words, bare, from: skipTime(lower, index - 1), forward: false)
            if source.isEmpty { source = phrase(words, bare, from: index + 1, forward: true) }
            if !source.isEmpty { result.append(Claim.Attribution(source: source, cue: word)) }
        }
        return result
    }

    /// `cueVerbs` as a set, made once.
    static let cueVerbSet = Set(cueVerbs)

    /// Month and weekday names in lower case, made once.
    static let lowerTimeWords = Set(weekdays.map { $0.lowercased() } + months.map { $0.lowercased() })

    /// Words before a cue verb that belong to its time ("late on Monday").
    static let timeLeadWords: Set<String> = ["on", "late", "early", "earlier", "later"]

    /// Pronouns that stand for a source.
    static let sourcePronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]

    /// Words that end the phrase of a source: clause words, auxiliaries, prepositions.
    static let phraseStops: Set<String> = ["that", "and", "but", "which", "who", "while", "as", "if", "because",
                                           "when", "was", "is", "were", "are", "has", "had", "have", "will", "would",
                                           "in", "on", "at", "with"]

    /// Steps back over "on Thursday", "late on Monday", "on March 10" before a cue verb.
    static func skipTime(_ lower: [String], _ index: Int) -> Int {
        var position = index
        let timeWords = lowerTimeWords
        while position >= 0, timeWords.contains(lower[position]) || Int(lower[position]) != nil
            || (timeLeadWords.contains(lower[position]) && position < index) {
            position -= 1
        }
        return position
    }

    /// The phrase next to a cue: up to six words, stopping at punctuation, at a clause word
    /// ("that", "and", "who"...) and, going forward, at a lower-case verb.
    static func phrase(_ words: [String], _ bare: [String], from start: Int, forward: Bool) -> String {
        var taken: [String] = []
        var index = start
        let pronouns = sourcePronouns
        let stops = phraseStops
        while index >= 0, index < bare.count, taken.count < 6 {
            let word = bare[index]
            let lower = word.lowercased()
            // An acronym is a name, not a clause word: "The WHO said".
            let acronym = word.count > 1 && word.allSatisfy { $0.isUppercase || $0 == "." }
            guard !word.isEmpty, !stops.contains(lower) || acronym || (forward && lower == "the") else { break }
            if pronouns.contains(lower) { return taken.isEmpty ? word : taken.joined(separator: " ") }
            // Going back, a word ending in punctuation belongs to the clause before; the dot of
            // an abbreviation ("U.N. experts") is not punctuation.
            if !forward, index != start, let last = words[index].last, ",.;:\"”".contains(last),
               !(last == "." && word.hasSuffix(".")) { break }
            if forward { taken.append(word) } else { taken.insert(word, at: 0) }
            if forward, let last = words[index].last, ",.;:\"”".contains(last) { break }
            index += forward ? 1 : -1
        }
        return taken.joined(separator: " ")
    }
}
