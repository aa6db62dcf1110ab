/// One sentence that holds the query, in one story.
public struct SearchHit: Sendable, Equatable {
    public let story: StoryID
    public let sentence: String
    /// The first and last versions that printed the sentence.
    public let first: VersionEntry
    public let last: VersionEntry
    /// The paragraph it stood in, in the first version that printed it.
    public let paragraph: Int
    public let inLatest: Bool
}
