internal import GitStore

extension Archive {
    /// The outcomes of a run that stopped part-way whose revisions the archive holds: each one
    /// whose commit is in its story's history now. A bulk run stages revisions and moves
    /// branches a chunk at a time, so a failure can leave some of a chunk's stories moved and
    /// others not; the branches, not the run's bookkeeping, say which landed.
    /// - Complexity: O(v) commits walked for each story the outcomes name.
    func landed(_ outcomes: [RecordOutcome]) -> [RecordOutcome] {
        var histories: [StoryID: Set<ObjectID>] = [:]
        return outcomes.filter { outcome in
            guard outcome.status != .skipped, outcome.commit.object != .zero else { return false }
            if histories[outcome.story] == nil {
                histories[outcome.story] = Set((try? history(of: outcome.story)) ?? [])
            }
            return histories[outcome.story]?.contains(outcome.commit.object) ?? false
        }
    }
}
