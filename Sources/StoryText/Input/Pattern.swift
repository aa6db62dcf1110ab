import Foundation

/// A regular expression compiled once (ICU, through NSRegularExpression) and shared across
/// threads. Swift's `Regex` literals are compiled again on every evaluation and are not
/// `Sendable`, which makes them too slow for per-line checks and impossible to keep in a static.
struct Pattern: Sendable {
    private let regex: NSRegularExpression?
    let source: String

    /// `pattern` is a constant of this module; `PatternTests` checks that every one compiles.
    init(_ pattern: String) {
        source = pattern
        regex = try? NSRegularExpression(pattern: pattern)
    }

    var compiles: Bool { regex != nil }

    /// One match: the whole text matched and each capture group (nil when a group did not take part).
    struct Match {
        let range: Range<String.Index>
        let groups: [Substring?]

        subscript(_ group: Int) -> String? {
            group < groups.count ? groups[group].map(String.init) : nil
        }
    }

    func firstMatch(in text: String) -> Match? {
        guard let regex, let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else {
            return nil
        }
        return Self.match(result, in: text)
    }

    func matches(in text: String) -> [Match] {
        guard let regex else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            .compactMap { Self.match($0, in: text) }
    }

    func replacingMatches(in text: String, with template: String) -> String {
        guard let regex else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                              withTemplate: template)
    }

    private static func match(_ result: NSTextCheckingResult, in text: String) -> Match? {
        guard let whole = Range(result.range, in: text) else { return nil }
        let groups = (0..<result.numberOfRanges).map { index -> Substring? in
            Range(result.range(at: index), in: text).map { text[$0] }
        }
        return Match(range: whole, groups: groups)
    }
}
