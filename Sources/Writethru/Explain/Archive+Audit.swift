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
    /// - Complexity: That of `timeline(story:)`, plus O(items x changes) per version to match advisory
    ///  items.
    public func audit(story: StoryID) throws(WritethruError) -> StoryAudit {
        try timeline(story: story).audit
    }
}
