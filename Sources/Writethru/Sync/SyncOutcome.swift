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
        /// The remote's branch went back to an older version since this archive last saw it (a
        /// force-push there): it lost versions this archive has. Left alone on both sides.
        case remoteTruncated = "remote-truncated"
        /// A truncated remote branch given its lost versions back by `push --restore`.
        case restored
    }

    /// The story, or nil for the archive's `main` branch (its settings).
    public let story: StoryID?
    public let status: Status
    public let local: CommitID?
    public let remote: CommitID?
    /// For `remote-truncated` and `restored`: how many versions the remote had lost; else nil.
    public let lost: Int?

    init(story: StoryID?, status: Status, local: CommitID?, remote: CommitID?, lost: Int? = nil) {
        (self.story, self.status, self.local, self.remote, self.lost) = (story, status, local, remote, lost)
    }
}
