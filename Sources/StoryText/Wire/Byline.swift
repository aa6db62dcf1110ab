/// "By Michael Martina and David Brunnstrom" -> ["Michael Martina", "David Brunnstrom"];
/// "Par Élodie Ménard et Luc Martin" -> ["Élodie Ménard", "Luc Martin"].
enum Byline {
    static let separators = Pattern(#",?\s+and\s+"#)

    /// Last words of a desk or job credit in a byline ("CityWire Staff", "Staff Writer"): no name.
    static let creditWords: Set<String> = ["staff", "writer", "writers", "reporter", "reporters", "correspondent",
                                           "correspondents", "contributor", "editor", "editors", "desk", "team"]

    /// The words a byline starts with: English, French, Spanish and Portuguese, German, Dutch.
    static let leadIns = ["by ", "par ", "por ", "von ", "door "]
    /// The words that join the last two names in those languages.
    static let otherSeparators = Pattern(#",?\s+(et|y|e|und|en)\s+"#)

    static func authors(_ line: String) -> [String]? {
        guard line.utf8.count <= 240, line.utf8.count > 3 else { return nil }
        let lower = line.lowercased()
        guard let leadIn = leadIns.first(where: { lower.hasPrefix($0) }) else { return nil }
        var rest = Substring(line)
        // "By By Jane Doe": a scraper or CMS doubled the lead-in.
        while rest.lowercased().hasPrefix(leadIn) { rest = rest.dropFirst(leadIn.count).drop { $0 == " " } }
        let joined = leadIn == "by " ? String(rest) : otherSeparators.replacingMatches(in: String(rest), with: ",")
        let names = (WireMatchers.commasForAnd(joined) ?? separators.replacingMatches(in: joined, with: ","))
            .split(separator: ",")
            .map(\.trimmedSpaces)
            .filter { !$0.isEmpty }
            .filter { name in !creditWords.contains(name.split(separator: " ").last.map { $0.lowercased() } ?? "") }
        let looksLikeNames = names.allSatisfy { name in
            name.first?.isUppercase == true && name.split(separator: " ").count <= 5 && !name.hasSuffix(".")
        }
        return names.isEmpty || !looksLikeNames ? nil : names
    }
}
