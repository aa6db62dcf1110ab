/// Which hits `search` keeps (docs/search.md).
public enum SearchScope: String, Sendable, CaseIterable {
    /// Sentences in the latest version of their story.
    case current
    /// Sentences some version printed that the latest version no longer prints word for word
    /// (removed, or reworded).
    case removed
    /// Sentences that an update added (not in the story's first version).
    case added
    case all
}
