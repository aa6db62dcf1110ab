import Foundation
import GitStore

/// The id of a story, which names its branch `refs/heads/stories/<id>`.
///
/// Ids are restricted so that they are always safe as one git ref component and as one file
/// name: ASCII letters, digits, `.`, `_` and `-`, starting with a letter or digit, no `..`,
/// not ending in `.` or `.lock`, at most 100 characters.
public struct StoryID: Hashable, Sendable, CustomStringConvertible, Comparable {
    public let value: String
    public static let maximumLength = 100
    /// Ids derived from headlines are cut (at a word boundary) to this length.
    public static let derivedLength = 72

    public init(validating text: String) throws(WritethruError) {
        if let problem = Self.problem(with: text) {
            throw .usage("invalid story id \(Self.quoted(text)): \(problem)")
        }
        value = text
    }

    /// The id a headline gives when no `--story` is set: lower case ASCII words joined by
    /// hyphens, dots and apostrophes dropped ("U.S." -> "us"), cut to `derivedLength`.
    public static func derived(fromHeadline headline: String) -> StoryID? {
        let folded = headline.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                      locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if scalar == "." || scalar == "'" || scalar == "’" {
                continue
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > derivedLength {
            let cut = slug.prefix(derivedLength + 1)
            slug = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(slug.prefix(derivedLength))
        }
        return try? StoryID(validating: slug)
    }

    public var referenceName: String { "refs/heads/stories/" + value }
    public var description: String { value }
    public static func < (a: StoryID, b: StoryID) -> Bool { a.value < b.value }

    private static func problem(with text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
        }
        if !allowed { return "use only ASCII letters, digits, '.', '_' and '-'" }
        guard let first = text.unicodeScalars.first, CharacterSet.alphanumerics.contains(first) else {
            return "it must start with a letter or digit"
        }
        if text.contains("..") { return "it must not contain '..'" }
        if text.hasSuffix(".") || text.hasSuffix(".lock") { return "it must not end in '.' or '.lock'" }
        if !Repository.isValidReferenceName("refs/heads/stories/" + text) { return "git refuses it as a branch name" }
        return nil
    }

    /// The text with control characters made visible, so an error message stays one line.
    static func quoted(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += String(format: "\\x%02X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }
}
