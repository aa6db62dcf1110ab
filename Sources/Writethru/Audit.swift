import StoryDiff
import StoryText

/// Every version of a story checked against its advisory line (docs/audit.md).
public struct StoryAudit: Sendable {
    public struct Version: Sendable {
        public let entry: VersionEntry
        public let advisory: Advisory?
        public let audit: VersionAudit
    }

    public let story: StoryID
    public let versions: [Version]

    /// True when some version has an undeclared substantive change or a flag.
    public var foundSomething: Bool { versions.contains { !$0.audit.undeclared.isEmpty || !$0.audit.flags.isEmpty } }
}

extension Archive {
    /// Checks each version's advisory items against what changed since the version before.
    public func audit(story: StoryID) throws(WritethruError) -> StoryAudit {
        let entries = try versions(of: story)
        var audited: [StoryAudit.Version] = []
        for entry in entries where entry.number > 1 {
            let comparison = try compare(story: story, from: String(entry.number - 1), to: String(entry.number), reparse: false)
            let advisory = entry.advisory.map { Advisory(text: $0) }
            audited.append(StoryAudit.Version(entry: entry, advisory: advisory,
                                              audit: AdvisoryAuditor.audit(advisory: advisory, tag: entry.tag, claims: comparison.claims)))
        }
        return StoryAudit(story: story, versions: audited)
    }
}
