/// When two names written differently name the same thing, so that replacing one with the
/// other is not a substantive change (docs/diff/claims.md, "The same name said again"): the
/// same letters and digits ("EF-4" / "EF4", "State Troopers" / "State troopers"), a typo fixed
/// ("Wlliams" / "Williams"), an acronym of the name ("FAA" / "Federal Aviation
/// Administration"), or a second reference by surname ("Alice Moreno" / "Moreno").
enum NameEquivalence {
    enum Relation: Equatable {
        /// Only case, hyphens or punctuation differ, or a typo was fixed: a cosmetic change.
        case spelling
        /// An acronym, a surname, a name with or without its title: a change of style.
        case reference
    }

    /// How `a` and `b` name the same thing, or nil when they do not.
    ///
    /// - Complexity: O(m · n) for names of m and n characters (the edit distance).
    static func relation(_ a: String, _ b: String) -> Relation? {
        let x = words(a), y = words(b)
        guard !x.isEmpty, !y.isEmpty else { return nil }
        if x == y { return .spelling }
        if typo(x.joined(), y.joined()) { return .spelling }
        if (capitals(a) && isAcronym(x, of: y)) || (capitals(b) && isAcronym(y, of: x)) { return .reference }
        if isDemonym(x, of: y) || isDemonym(y, of: x) { return .reference }
        // One name is the other's last words: "Moreno" for "Alice Moreno", "Council" for
        // "City Council".
        // The shared words must be a name in the longer one: "U.N. experts" -> "Experts" is
        // a source dropped, not a second reference.
        let (short, long, longName) = x.count <= y.count ? (x, y, b) : (y, x, a)
        if short.count < long.count, Array(long.suffix(short.count)) == short {
            let printed = longName.split(separator: " ").suffix(short.count)
            if printed.allSatisfy({ $0.first?.isUppercase == true }) { return .reference }
        }
        return nil
    }

    /// The lower-case words of a name, without punctuation inside or around them and without
    /// a leading article: "The FAA" -> ["faa"], "EF-4" -> ["ef4"].
    static func words(_ name: String) -> [String] {
        var result = name.split(whereSeparator: { $0 == " " }).map { word in
            String(word.lowercased().filter { $0.isLetter || $0.isNumber })
        }.filter { !$0.isEmpty }
        if result.first == "the" { result.removeFirst() }
        return result
    }

    /// A place and the adjective of its people, one word each: "Chinese" for "China", "Russian"
    /// for "Russia", "Japanese" for "Japan", "Israeli" for "Israel" (the place's letters, its
    /// final vowel perhaps dropped, then -ese, -an, -ian, -n or -i).
    static func isDemonym(_ adjective: [String], of place: [String]) -> Bool {
        guard adjective.count == 1, place.count == 1, let word = adjective.first, let name = place.first,
              name.count >= 4 else { return false }
        var stems = [name]
        if let last = name.last, "aeiouy".contains(last) { stems.append(String(name.dropLast())) }
        return stems.contains { stem in
            ["ese", "an", "ian", "n", "i"].contains { word == stem + $0 }
        }
    }

    /// Whether every letter of the name (an article aside) is a capital: "FAA", "The WHO".
    static func capitals(_ name: String) -> Bool {
        let letters = (name.hasPrefix("The ") ? String(name.dropFirst(4)) : name).filter(\.isLetter)
        return !letters.isEmpty && letters.allSatisfy(\.isUppercase)
    }

    /// An all-capital short name that spells the initials of the other name's words, joining
    /// words ("of", "and", "for", "the") skipped or not: "FAA", "WHO", "ECB", "NTSB".
    static func isAcronym(_ short: [String], of long: [String]) -> Bool {
        guard short.count == 1, let acronym = short.first, (2...6).contains(acronym.count), long.count >= 2 else {
            return false
        }
        let initials = String(long.compactMap(\.first))
        let joining: Set<String> = ["of", "and", "for", "the", "on", "in"]
        let contentInitials = String(long.filter { !joining.contains($0) }.compactMap(\.first))
        return acronym == initials || acronym == contentInitials
    }

    /// A typo fixed: one edit (a letter added, dropped, changed, or two swapped) in a name of
    /// at least five letters, two in one of at least ten.
    ///
    /// - Complexity: O(m · n) (optimal string alignment distance).
    static func typo(_ a: String, _ b: String) -> Bool {
        let shorter = min(a.count, b.count)
        guard shorter >= 5, abs(a.count - b.count) <= 2 else { return false }
        let allowed = shorter >= 10 ? 2 : 1
        return distance(Array(a), Array(b)) <= allowed
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of neighbours.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, rows[i - 2][j - 2] + 1) }
                rows[i][j] = value
            }
        }
        return rows[a.count][b.count]
    }
}
