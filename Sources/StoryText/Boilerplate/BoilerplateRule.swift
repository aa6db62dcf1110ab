import Foundation

/// A rule that marks a paragraph as page furniture rather than story: a promo, an ad label, a
/// disclaimer. Rules live in the archive's `writethru.json` (docs/reading.md).
public struct BoilerplateRule: Sendable, Equatable {
    public enum Match: Sendable, Equatable {
        /// The whole paragraph equals one of these.
        case exact([String])
        case prefix(String)
        case contains(String)
        /// An ICU regular expression searched in the paragraph.
        case regex(String)
    }

    public var name: String
    public var match: Match {
        didSet { compiled = Self.compile(match) }
    }
    /// The regular expression of a `.regex` rule, compiled once.
    private var compiled: Pattern?
    /// The rule applies only to paragraphs of at most this many characters.
    public var maxLength: Int?
    /// The paragraph ends the story: it and everything after it are furniture ("Latest
    /// comments", "Risk Disclosure: ...").
    public var dropsRest: Bool

    public init(name: String, match: Match, maxLength: Int? = nil, dropsRest: Bool = false) {
        self.name = name
        self.match = match
        self.compiled = Self.compile(match)
        self.maxLength = maxLength
        self.dropsRest = dropsRest
    }
}

extension BoilerplateRule {
    private static func compile(_ match: Match) -> Pattern? {
        if case .regex(let source) = match { return Pattern(source) }
        return nil
    }

    /// False for a `.regex` rule whose expression does not compile.
    var isValid: Bool { compiled?.compiles ?? true }

    /// Whether the rule marks `paragraph`, whose length in Unicode scalars is `length`.
    func matches(_ paragraph: String, length: Int) -> Bool {
        if let maxLength, length > maxLength { return false }
        switch match {
        case .exact(let texts): return texts.contains(paragraph)
        case .prefix(let text): return paragraph.hasPrefix(text)
        case .contains(let text): return paragraph.containsBytes(text)
        case .regex: return compiled?.firstMatch(in: paragraph) != nil
        }
    }

    public static func == (a: BoilerplateRule, b: BoilerplateRule) -> Bool {
        a.name == b.name && a.match == b.match && a.maxLength == b.maxLength && a.dropsRest == b.dropsRest
    }
}
