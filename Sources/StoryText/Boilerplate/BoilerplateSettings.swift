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
