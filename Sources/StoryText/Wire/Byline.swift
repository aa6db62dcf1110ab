/// "By Michael Martina and David Brunnstrom" -> ["Michael Martina", "David Brunnstrom"].
enum Byline {
    static let separators = Pattern(#",?\s+and\s+"#)

    static func authors(_ line: String) -> [String]? {
        guard line.utf8.count <= 240, line.utf8.count > 3, line.prefix(3).lowercased() == "by " else { return nil }
        let names = separators.replacingMatches(in: String(line.dropFirst(3)), with: ",")
            .split(separator: ",")
            .map(\.trimmedSpaces)
            .filter { !$0.isEmpty }
        let looksLikeNames = names.allSatisfy { name in
            name.first?.isUppercase == true && name.split(separator: " ").count <= 5 && !name.hasSuffix(".")
        }
        return names.isEmpty || !looksLikeNames ? nil : names
    }
}
