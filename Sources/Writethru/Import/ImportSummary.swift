/// What `writethru import` did (docs/import.md): counts, not each outcome (an import of
/// 100,000 revisions would otherwise hold 100,000 of them to the end).
public struct ImportSummary: Sendable {
    /// How many stories the placed inputs went to (recorded, unchanged, already recorded).
    public let stories: Int
    private let counts: [RecordOutcome.Status: Int]
    public let rejected: [(file: String, reason: String)]
    /// Inputs not recorded because their story's branch could not be moved (a lock file a
    /// killed writer left, writers that never paused), with the reason; the import went on
    /// with the other stories. Run the same import again once the reason is gone.
    public let skipped: [(file: String, reason: String)]
    /// What ended the import before its last input (Ctrl-C, a storage error), after the
    /// outcomes counted here were recorded; nil when it ran to the end.
    public let stopped: WritethruError?

    init(_ tally: ImportTally, rejected: [(file: String, reason: String)],
         skipped: [(file: String, reason: String)] = [], stopped: WritethruError? = nil) {
        stories = tally.storyCount
        counts = tally.counts
        self.rejected = rejected
        self.skipped = skipped
        self.stopped = stopped
    }

    /// How many placed inputs ended with `status` (0 for `skipped`: see `skipped`).
    public func count(_ status: RecordOutcome.Status) -> Int { counts[status] ?? 0 }
}
