extension Claim.Quantity {
    /// Approximators that say the same: "about 200" and "around 200" are one figure, "as many
    /// as" and "more than" are not.
    static let approximatorMeanings: [String: String] = [
        "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
        "an estimated": "about", "more than": "more than", "over": "more than", "fewer than": "less than",
        "less than": "less than", "under": "less than", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
        "up to": "up to", "as many as": "up to", "as much as": "up to", "at most": "at most",
        "no more than": "at most", "not more than": "at most", "at least": "at least", "no fewer than": "at least",
        "no less than": "at least", "not less than": "at least", "not fewer than": "at least",
    ]

    /// The unit in the form it compares in: lower case, spaces as hyphens, each part without
    /// its plural "s" ("years old" and "year-old" are one unit, "weeks" and "week").
    var unitKey: String {
        unit.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map { part -> String in
            let word = String(part)
            if ClaimExtractor.irregularPlurals.contains(word) || !ClaimExtractor.looksPlural(word) { return word }
            if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
            return String(word.dropLast())
        }.joined(separator: "-")
    }

    /// Whether two figures say the same: the same value (or, for vague counts, the same words),
    /// an approximator of the same meaning, and the same unit, or a counted noun on one side
    /// only ("41" in "Smith, 41," and "the 41-year-old Smith").
    ///
    /// - Complexity: O(u) in the length of the units.
    func means(sameAs other: Claim.Quantity) -> Bool {
        guard value == other.value else { return false }
        if value == nil, text.lowercased() != other.text.lowercased() { return false }
        let meaning = Self.approximatorMeanings[approximator] ?? approximator
        guard meaning == (Self.approximatorMeanings[other.approximator] ?? other.approximator) else { return false }
        if unit == other.unit { return true }
        let signs: Set<String> = ["$", "€", "£", "%"]
        if unit.isEmpty || other.unit.isEmpty { return !signs.contains(unit) && !signs.contains(other.unit) }
        return unitKey == other.unitKey
    }
}
