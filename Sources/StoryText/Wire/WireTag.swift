import Foundation

/// Version tags that wire services put before a headline: `UPDATE 4-`, `CORRECTED-`,
/// `REFILE-`, `RPT-`, `WRAPUP 2-`, `EXCLUSIVE-` and combinations such as
/// `CORRECTED-UPDATE 2-`.
public enum WireTag {
    /// Words that may form a tag, each optionally followed by a number.
    static let words: Set<String> = [
        "UPDATE", "CORRECTED", "CORRECTION", "REFILE", "RPT", "REPEAT", "WRAPUP", "EXCLUSIVE",
        "ANALYSIS", "FACTBOX", "INSIGHT", "FOCUS", "BREAKINGVIEWS", "INTERVIEW", "SPECIAL REPORT",
        "WIDER IMAGE", "FEATURE", "EXPLAINER", "TIMELINE", "GRAPHIC", "BUZZ", "URGENT", "FLASH",
        "BRIEF", "PREVIEW", "POLL", "RESEND", "REUTERS POLL", "DIARY",
    ]

    /// Splits a headline line into its tag and the headline proper.
    /// `"UPDATE 4-Top U.S., China diplomats"` gives `("UPDATE 4", "Top U.S., China diplomats")`;
    /// a line without a tag gives `(nil, line)`.
    ///
    /// - Complexity: O(n) in the line's length: each tag is looked for in the 32 bytes before its
    ///   hyphen.
    public static func split(_ line: String) -> (tag: String?, headline: String) {
        var rest = Substring(line)
        var parts: [String] = []
        while let (part, after) = leadingTag(rest) {
            parts.append(part)
            rest = after
        }
        let headline = rest.trimmedSpaces
        guard !parts.isEmpty, !headline.isEmpty else { return (nil, line) }
        return (parts.joined(separator: "-"), headline)
    }

    /// AP's write-through marks, "1st Ld-Writethru" or "2nd Ld-Writethru", anywhere in a
    /// slug line such as "BC-US--China-Talks, 2nd Ld-Writethru,0642".
    ///
    /// - Complexity: O(n) in the line's length (lines over 400 bytes are not slugs).
    public static func apTag(in line: String) -> String? {
        guard line.utf8.count <= 400, line.containsIgnoringASCIICase("writethru"),
              let match = apPattern.firstMatch(in: line), let number = match[1], let suffix = match[2] else {
            return nil
        }
        return number + suffix.lowercased() + " Ld-Writethru"
    }

    static let apPattern = Pattern(#"(?i)\b(\d+)(st|nd|rd|th)\s+ld-writethru\b"#)

    /// One tag (a known word, optionally numbered) and the text after its hyphen.
    private static func leadingTag(_ text: Substring) -> (String, Substring)? {
        // A tag is upper-case letters, digits and spaces, then a hyphen, near the start.
        guard let hyphen = text.utf8.prefix(32).firstIndex(of: UInt8(ascii: "-")),
              text.utf8[text.utf8.startIndex..<hyphen]
                  .allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 })
        else { return nil }
        let pieces = text[..<hyphen].split(separator: " ")
        guard let last = pieces.last else { return nil }
        let numbered = pieces.count > 1 && last.allSatisfy(\.isNumber)
        let word = pieces.dropLast(numbered ? 1 : 0).joined(separator: " ")
        guard words.contains(word) else { return nil }
        return (pieces.joined(separator: " "), text[text.index(after: hyphen)...])
    }
}
