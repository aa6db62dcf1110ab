internal import GitStore

/// What `record` did with one revision.
public struct RecordOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        case recorded, unchanged
        /// An import met an input some version of its story already holds (same input bytes).
        case alreadyRecorded = "already-recorded"
        /// An import could not move its story's branch (a stale lock, writers that never
        /// paused): not recorded; the import went on with other stories.
        case skipped
    }
    public let file: String
    /// The line of a JSON Lines input, else nil.
    public let line: Int?
    public let story: StoryID
    public let match: StoryMatch
    public let version: Int
    public let status: Status
    public let commit: CommitID

    /// The same outcome naming `commit` (a bulk record builds commits after placing them).
    func with(commit: ObjectID, version: Int? = nil) -> RecordOutcome {
        RecordOutcome(file: file, line: line, story: story, match: match, version: version ?? self.version,
                      status: status, commit: CommitID(commit))
    }
}
