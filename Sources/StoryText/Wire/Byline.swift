/// "By Michael Martina and David Brunnstrom" -> ["Michael Martina", "David Brunnstrom"].
enum Byline {
    static let separators = Pattern(#",?\s+and\s+"#)

    /// Last words of a desk or job credit in a byline ("CityWire Staff", "Staff Writer"): no name.
    static let creditWords: Set<String> = ["staff", "writer", "writers", "reporter", "reporters", "correspondent",
                                           "correspondents", "contributor", "editor", "editors", "desk", "team"]

    static func authors(_ line: String) -> [String]? {
        guard line.utf8.count <= 240, line.utf8.count > 3, line.prefix(3).lowercased() == "by " else { return nil }
        var rest = Substring(line)
        // "By By Jane Doe": a scraper or CMS doubled the lead-in.
        while rest.prefix(3).lowercased() == "by " { rest = rest.dropFirst(3).drop { $0 == " " } }
        let names = separators.replacingMatches(in: String(rest), with: ",")
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
