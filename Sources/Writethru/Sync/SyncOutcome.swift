/// What `push`, `pull` or `clone` did with one story branch (docs/sync.md).
public struct SyncOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The other side had no such story: it was created there.
        case created
        /// The other side was behind: moved forward to the new versions.
        case fastForwarded = "fast-forwarded"
        case upToDate = "up-to-date"
        /// This side has versions the other lacks (push them, or pull on the other side).
        case ahead
        /// The other side has versions this one lacks (pull them first).
        case behind
        /// Both sides recorded different versions since they last agreed: left alone on both.
        case diverged
    }

    /// The story, or nil for the archive's `main` branch (its settings).
    public let story: StoryID?
    public let status: Status
    public let local: CommitID?
    public let remote: CommitID?
}
