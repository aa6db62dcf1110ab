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

    /// A figure without a value ("dozens of people", "3-2") as it compares: lower case, an en
    /// dash as a hyphen.
    static func comparable(_ text: String) -> String {
        String(text.lowercased().map { $0 == "–" ? "-" : $0 })
    }

    /// Whether two figures say the same: the same value (or, for vague counts, scores and
    /// ranges, the same words), an approximator of the same meaning, and the same unit, or a
    /// counted noun on one side only ("41" in "Smith, 41," and "the 41-year-old Smith").
    ///
    /// - Complexity: O(u) in the length of the units.
    func means(sameAs other: Claim.Quantity) -> Bool {
        guard value == other.value else { return false }
        if value == nil, Self.comparable(text) != Self.comparable(other.text) { return false }
        let meaning = Self.approximatorMeanings[approximator] ?? approximator
        guard meaning == (Self.approximatorMeanings[other.approximator] ?? other.approximator) else { return false }
        if unit == other.unit { return true }
        let signs: Set<String> = ["$", "€", "£", "%"]
        if unit.isEmpty || other.unit.isEmpty { return !signs.contains(unit) && !signs.contains(other.unit) }
        return unitKey == other.unitKey
    }

    /// The figures of two sentences that changed, as (old, new) pairs; nil for a figure added or
    /// removed. A figure said the same anywhere in the other sentence is kept; the others are
    /// paired in order, figures that refer back (`refersBack`) with each other and the others
    /// with each other; a figure left over was added or removed, unless it refers back ("the
    /// two countries" said again in a rewritten clause is not a new figure).
    ///
    /// - Complexity: O(k · l) for the k and l figures of the two sentences.
    static func changed(_ old: [Claim.Quantity], _ new: [Claim.Quantity]) -> [(Claim.Quantity?, Claim.Quantity?)] {
        var unpairedNew = Array(new.indices)
        var unpairedOld: [Int] = []
        for (index, quantity) in old.enumerated() {
            if let match = unpairedNew.firstIndex(where: { quantity.means(sameAs: new[$0]) }) {
                unpairedNew.remove(at: match)
            } else {
                unpairedOld.append(index)
            }
        }
        var result: [(Claim.Quantity?, Claim.Quantity?)] = []
        for refersBack in [true, false] {
            let x = unpairedOld.map { old[$0] }.filter { $0.refersBack == refersBack }
            let y = unpairedNew.map { new[$0] }.filter { $0.refersBack == refersBack }
            result += zip(x, y).map { ($0, $1) }
            guard !refersBack else { continue }
            result += x.dropFirst(y.count).map { ($0, nil) }
            result += y.dropFirst(x.count).map { (nil, $0) }
        }
        return result
    }
}
