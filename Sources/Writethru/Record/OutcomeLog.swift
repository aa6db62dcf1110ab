/// The outcomes of a recording run, each by its place in the run (its position). A run that
/// hands its outcomes on as it goes (an import) drops those of every chunk written, so it keeps
/// at most a chunk's: positions stay the run's, counted from the first outcome.
struct OutcomeLog {
    /// The outcomes from `start` on.
    private(set) var kept: [RecordOutcome] = []
    /// How many outcomes were handed on and dropped: the position of the first one kept.
    private(set) var start = 0

    /// The position the next outcome takes (every outcome of the run so far, dropped or kept).
    var count: Int { start + kept.count }

    /// A kept outcome; asking for a dropped one is a programming error.
    subscript(position: Int) -> RecordOutcome {
        get { kept[position - start] }
        set { kept[position - start] = newValue }
    }

    mutating func append(_ outcome: RecordOutcome) {
        kept.append(outcome)
    }

    /// Hands over every kept outcome, in order, and drops them: later positions keep counting
    /// on from where these end.
    mutating func release() -> [RecordOutcome] {
        let released = kept
        start += kept.count
        kept.removeAll(keepingCapacity: true)
        return released
    }
}
