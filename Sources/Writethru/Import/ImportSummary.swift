/// What `writethru import` did (docs/import.md).
public struct ImportSummary: Sendable {
    /// What became of each input that was placed: recorded, unchanged, already recorded.
    public let outcomes: [RecordOutcome]
    public let rejected: [(file: String, reason: String)]
    /// Inputs not recorded because their story's branch could not be moved (a lock file a
    /// killed writer left, writers that never paused), with the reason; the import went on
    /// with the other stories. Run the same import again once the reason is gone.
    public let skipped: [(file: String, reason: String)]
    /// What ended the import before its last input (Ctrl-C, a storage error), after the
    /// outcomes above were recorded; nil when it ran to the end.
    public let stopped: WritethruError?

    init(outcomes: [RecordOutcome], rejected: [(file: String, reason: String)],
         skipped: [(file: String, reason: String)] = [], stopped: WritethruError? = nil) {
        self.outcomes = outcomes.filter { $0.status != .skipped }
        self.rejected = rejected
        self.skipped = skipped
        self.stopped = stopped
    }

    public var stories: Int { Set(outcomes.map(\.story)).count }
    public func count(_ status: RecordOutcome.Status) -> Int { outcomes.filter { $0.status == status }.count }
}
