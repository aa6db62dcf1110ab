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
            let length = UTF8Bytes.scalarCount(paragraph)
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
