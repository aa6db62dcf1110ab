import Foundation

/// A regular expression compiled once (ICU, through NSRegularExpression), when a text first
/// might match it, and shared across threads. Swift's `Regex` literals are compiled again on
/// every evaluation and are not `Sendable`, which makes them too slow for per-line checks and
/// impossible to keep in a static. A text without the literals every match needs
/// (`RequiredLiterals`) is answered without the expression: most lines never wake ICU.
struct Pattern: Sendable {
    let source: String
    private let required: RequiredLiterals?
    private let compiled: Compiled

    /// `pattern` is a constant of this module (`PatternTests` checks that every one compiles)
    /// or an archive's boilerplate rule (checked when the archive's settings are read).
    init(_ pattern: String) {
        source = pattern
        required = RequiredLiterals(pattern: pattern)
        compiled = Compiled(pattern)
    }

    var compiles: Bool { compiled.regex != nil }

    /// One match: the whole text matched and each capture group (nil when a group did not take part).
    struct Match {
        let range: Range<String.Index>
        let groups: [Substring?]

        subscript(_ group: Int) -> String? {
            group < groups.count ? groups[group].map(String.init) : nil
        }
    }

    /// Whether `text` may match: false only when it lacks every literal a match needs.
    func mayMatch(_ text: String) -> Bool { required?.mayMatch(text) ?? true }

    func firstMatch(in text: String) -> Match? {
        guard mayMatch(text), let regex = compiled.regex,
              let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else {
            return nil
        }
        return Self.match(result, in: text)
    }

    func matches(in text: String) -> [Match] {
        guard mayMatch(text), let regex = compiled.regex else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            .compactMap { Self.match($0, in: text) }
    }

    func replacingMatches(in text: String, with template: String) -> String {
        guard mayMatch(text), let regex = compiled.regex else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                              withTemplate: template)
    }

    /// Whether the expression matches, asked of ICU whatever the literals say (for tests of
    /// the literals).
    func matchesIgnoringLiterals(_ text: String) -> Bool {
        compiled.regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func match(_ result: NSTextCheckingResult, in text: String) -> Match? {
        guard let whole = Range(result.range, in: text) else { return nil }
        let groups = (0..<result.numberOfRanges).map { index -> Substring? in
            Range(result.range(at: index), in: text).map { text[$0] }
        }
        return Match(range: whole, groups: groups)
    }

    /// The compiled expression, made on first use by whichever thread asks first.
    private final class Compiled: @unchecked Sendable {
        private let lock = NSLock()
        private let pattern: String
        private var done = false
        private var compiled: NSRegularExpression?

        init(_ pattern: String) { self.pattern = pattern }

        var regex: NSRegularExpression? {
            lock.withLock {
                if !done {
                    compiled = try? NSRegularExpression(pattern: pattern)
                    done = true
                }
                return compiled
            }
        }
    }
}
