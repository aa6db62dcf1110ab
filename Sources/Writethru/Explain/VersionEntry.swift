import Foundation

/// One recorded version of a story, as `log` lists it.
public struct VersionEntry: Sendable, Equatable {
    public let story: StoryID
    /// 1 for the first recorded version.
    public let number: Int
    public let tag: String?
    public let headline: String
    public let advisory: String?
    /// The revision's own time.
    public let updated: Date
    public let recorded: Date
    public let commit: CommitID
    /// Where the input is kept in the revision's tree (`source/<name>`).
    let sourcePath: String
}
