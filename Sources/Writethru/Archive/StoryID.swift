import Foundation
internal import GitStore

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
    /// hyphens, dots and apostrophes dropped ("U.S." -> "us"), cut to `derivedLength`. A
    /// headline with no Latin letters or digits is transliterated first (ICU's Any-Latin, through
    /// Foundation: "Снегопад в Москве" -> "snegopad-v-moskve").
    /// - Complexity: O(n) in the headline's length.
    public static func derived(fromHeadline headline: String) -> StoryID? {
        if let id = slug(headline) { return id }
        guard let latin = headline.applyingTransform(.toLatin, reverse: false) else { return nil }
        return slug(latin)
    }

    private static func slug(_ headline: String) -> StoryID? {
        let folded = headline.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                      locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if isASCIIAlphanumeric(scalar) {
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

    /// The id a key such as a URL or a file path gives ("https://www.example.com/world/talks"
    /// -> "example-com-world-talks"): every run of other characters becomes one hyphen. A key
    /// long enough to be cut keeps eight hex digits of its hash, so that two long URLs which
    /// begin alike stay apart.
    public static func derived(fromKey key: String) -> StoryID? {
        var text = key
        for prefix in ["https://", "http://", "file://"] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        if text.lowercased().hasPrefix("www.") { text = String(text.dropFirst(4)) }
        let spaced = String(text.map { $0.isLetter || $0.isNumber ? $0 : " " })
        guard let base = derived(fromHeadline: spaced) else { return nil }
        guard base.value.count >= derivedLength - 12 else { return base }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return try? StoryID(validating: base.value + "-"
                                + String((String(repeating: "0", count: 16 - digits.count) + digits).prefix(8)))
    }

    public var referenceName: String { "refs/heads/stories/" + value }
    public var description: String { value }
    public static func < (a: StoryID, b: StoryID) -> Bool { a.value < b.value }

    private static func problem(with text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            isASCIIAlphanumeric(scalar) || scalar == "." || scalar == "_" || scalar == "-"
        }
        if !allowed { return "use only ASCII letters, digits, '.', '_' and '-'" }
        guard let first = text.unicodeScalars.first, isASCIIAlphanumeric(first) else {
            return "it must start with a letter or digit"
        }
        if text.contains("..") { return "it must not contain '..'" }
        if text.hasSuffix(".") || text.hasSuffix(".lock") { return "it must not end in '.' or '.lock'" }
        if !Repository.isValidReferenceName("refs/heads/stories/" + text) { return "git refuses it as a branch name" }
        return nil
    }

    /// An ASCII letter or digit: the ASCII members of `CharacterSet.alphanumerics`, without
    /// building that set (a tenth of a millisecond, at every start).
    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
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
