import Foundation

/// The times a new revision may not precede: its parent's recording time and, when the new
/// revision's own time is only its recording time, its parent's time. A writer takes its
/// recording time once, before it reads the story's tip; one that loses the race for the
/// branch to a writer that took a later time would otherwise land a version recorded before
/// the version under it, which `verify` rightly calls a broken history.
struct ParentTimes: Equatable {
    let updated: Date
    let recorded: Date

    init(updated: Date, recorded: Date) {
        self.updated = updated
        self.recorded = recorded
    }

    /// The times of a stored revision; nil when its meta.json holds unreadable times (`verify`
    /// reports those; nothing is clamped to them).
    init?(_ meta: RevisionMeta) {
        guard let updated = Timestamp.parse(meta.updated), let recorded = Timestamp.parse(meta.recorded) else {
            return nil
        }
        self.init(updated: updated, recorded: recorded)
    }
}

extension PreparedRevision {
    /// The revision as it is written on top of a parent with `times`: recorded no earlier
    /// than the parent, and, when its time is its recording time, dated no earlier either. A
    /// time the input states is the input's own word and is kept.
    func placed(after times: ParentTimes?) -> PreparedRevision {
        guard let times else { return self }
        let recorded = max(recordedAt, times.recorded)
        let time = timeSource == "recorded" ? max(self.time, times.updated, recorded) : self.time
        guard recorded != recordedAt || time != self.time else { return self }
        var placed = PreparedRevision(input: input, read: read, story: story, match: match, time: time,
                                      timeSource: timeSource, recordedAt: recorded, content: content)
        placed.run = run
        placed.capture = capture
        return placed
    }

    /// The times this revision hands to the one written on top of it.
    var times: ParentTimes { ParentTimes(updated: time, recorded: recordedAt) }
}
