import Foundation
import Synchronization

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
        case .contains(let text): return paragraph.contains(text)
        case .regex: return compiled?.firstMatch(in: paragraph) != nil
        }
    }

    public static func == (a: BoilerplateRule, b: BoilerplateRule) -> Bool {
        a.name == b.name && a.match == b.match && a.maxLength == b.maxLength && a.dropsRest == b.dropsRest
    }
}

/// The boilerplate settings of an archive: the rules, and when a paragraph that recurs
/// verbatim across stories counts as furniture.
public struct BoilerplateSettings: Sendable, Equatable {
    public var rules: [BoilerplateRule] {
        didSet { verdicts = RuleVerdicts() }
    }
    /// Which rule took each paragraph seen so far: the versions of a story repeat most of their
    /// paragraphs, and a batch of records should match each only once.
    private(set) var verdicts = RuleVerdicts()
    /// A paragraph seen verbatim in at least this many different stories is furniture;
    /// 0 turns learning off.
    public var learnAfterStories: Int

    public init(rules: [BoilerplateRule] = [], learnAfterStories: Int = 0) {
        self.rules = rules
        self.learnAfterStories = learnAfterStories
    }

    public static func == (a: BoilerplateSettings, b: BoilerplateSettings) -> Bool {
        a.rules == b.rules && a.learnAfterStories == b.learnAfterStories
    }

    /// Checks that every regular expression compiles; returns the first problem.
    public func validate() -> String? {
        rules.first { !$0.isValid }.map { "boilerplate rule '\($0.name)' has an invalid regular expression" }
    }
}

/// What the archive knows about paragraphs seen before: how many different stories printed
/// each one verbatim. Writethru keeps this as derived data beside the archive.
public protocol FurnitureCatalog: Sendable {
    func storyCount(of paragraph: String) -> Int
}

/// Applies boilerplate settings to a list of paragraphs.
struct BoilerplateFilter {
    private let rules: [BoilerplateRule]
    private let learnAfterStories: Int
    private let catalog: FurnitureCatalog?
    private let verdicts: RuleVerdicts

    init(_ settings: BoilerplateSettings, catalog: FurnitureCatalog?) {
        rules = settings.rules
        learnAfterStories = settings.learnAfterStories
        verdicts = settings.verdicts
        self.catalog = catalog
    }

    /// The first rule that marks `paragraph`, or nil.
    func rule(for paragraph: String) -> BoilerplateRule? {
        let index = verdicts.verdict(for: paragraph) {
            let length = paragraph.unicodeScalars.count
            return rules.firstIndex { $0.matches(paragraph, length: length) } ?? -1
        }
        return rules.indices.contains(index) ? rules[index] : nil
    }

    /// Splits paragraphs into the story and the furniture, in order.
    func apply(_ paragraphs: [String]) -> (kept: [String], removed: [RemovedText]) {
        var kept: [String] = []
        var removed: [RemovedText] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if let rule = rule(for: paragraph) {
                removed.append(RemovedText(text: paragraph, rule: rule.name))
                if rule.dropsRest {
                    removed += paragraphs[(index + 1)...].map { RemovedText(text: $0, rule: rule.name + " (after)") }
                    break
                }
                continue
            }
            if learnAfterStories > 0, let catalog {
                let stories = catalog.storyCount(of: paragraph)
                if stories >= learnAfterStories {
                    removed.append(RemovedText(text: paragraph, rule: "learned"))
                    continue
                }
            }
            kept.append(paragraph)
        }
        return (kept, removed)
    }
}

/// A bounded, thread-safe memo of paragraph -> index of the first matching rule (-1: none).
final class RuleVerdicts: Sendable {
    static let capacity = 100_000
    private let table = Mutex<[String: Int]>([:])

    func verdict(for paragraph: String, compute: () -> Int) -> Int {
        if let known = table.withLock({ $0[paragraph] }) { return known }
        let computed = compute()
        table.withLock { table in
            if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            table[paragraph] = computed
        }
        return computed
    }
}
