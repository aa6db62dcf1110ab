/// What an import counts of its outcomes as they are reported: how many of each status and
/// how many stories, so the summary keeps numbers, not every outcome.
/// - Complexity: O(1) an outcome; memory O(stories) (the story ids, to count each once).
struct ImportTally {
    private(set) var counts: [RecordOutcome.Status: Int] = [:]
    /// The stories of the outcomes counted.
    private var stories = Set<StoryID>()

    /// Counts an outcome; a skipped one is not counted (the summary lists it apart).
    mutating func add(_ outcome: RecordOutcome) {
        guard outcome.status != .skipped else { return }
        counts[outcome.status, default: 0] += 1
        stories.insert(outcome.story)
    }

    var storyCount: Int { stories.count }
    func count(_ status: RecordOutcome.Status) -> Int { counts[status] ?? 0 }
}
