import StoryText

/// What an advisory item was matched to (docs/audit.md).
public struct AuditedItem: Sendable, Equatable {
    public let item: AdvisoryItem
    /// The item as the editor wrote it: "add: Chinese confirmation of talks".
    public let text: String
    public let found: Bool
    /// The substantive claim changes the item accounts for.
    public let changes: [ClaimChange]
}
