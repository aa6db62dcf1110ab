/// What a `record` run did when it began writing: the revisions it placed that the archive
/// holds, and what stopped it before its last input, if anything (Ctrl-C, a stale lock, writers
/// that never paused, a storage error). `writethru record` prints the outcomes, then the error.
public struct RecordReport: Sendable {
    public let outcomes: [RecordOutcome]
    /// What ended the run early, its message saying how many revisions were kept; nil when it
    /// ran to the end.
    public let stopped: WritethruError?
}
