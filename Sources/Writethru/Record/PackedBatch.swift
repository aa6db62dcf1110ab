internal import GitStore

/// The revisions of a `record` run staged in memory, a chunk at a time. A class: its tables
/// grow with every revision and must not be copied.
final class PackedBatch {
    /// Where a staged revision's parent is: none (a new story), a commit already in the
    /// archive, or a revision staged before it (by the position of its outcome).
    enum Parent {
        case none
        case commit(ObjectID)
        case staged(Int)
    }

    struct Entry {
        let prepared: PreparedRevision
        /// Where its outcome sits.
        let position: Int
        let version: Int
        let parent: Parent
    }

    /// The newest revision of a story: in the archive (`commit`) or staged (`position`).
    struct Head {
        let version: Int
        let fingerprint: RevisionFingerprint
        let commit: ObjectID
        let position: Int?
        /// Its times, which a revision staged on top of it may not precede.
        let times: ParentTimes?
    }

    /// The tip each story had when the chunk first touched it (nil: no branch yet).
    var start: [StoryID: ObjectID?] = [:]
    /// Stories in the order the chunk first touched them.
    var order: [StoryID] = []
    var heads: [StoryID: Head] = [:]
    /// The chunk's revisions, in order.
    var entries: [Entry] = []
    /// Outcomes that name the commit of a staged revision (an unchanged or already recorded
    /// input): (outcome, outcome of the staged revision).
    private var aliases: [(Int, Int)] = []
    /// Written out with each chunk, once its branches have moved.
    let index: DerivedIndex
    /// Whether the run skips inputs a story already holds (an import).
    let skipRecorded: Bool
    /// Stories whose branch another writer moved during the run: their revisions were written
    /// again on the new tip, so what the run remembers of them is stale.
    var raced: Set<StoryID> = []

    /// Whether a story whose branch cannot be moved is skipped (an import) or ends the run.
    let skipBlockedStories: Bool
    /// Stories skipped because their branch could not be moved, with the reason.
    var blocked: [StoryID: String] = [:]

    init(index: DerivedIndex, skipRecorded: Bool, skipBlockedStories: Bool = false) {
        self.index = index
        self.skipRecorded = skipRecorded
        self.skipBlockedStories = skipBlockedStories
    }

    /// Notes that the outcome at `position` names the commit of the revision whose outcome
    /// is at `staged`, when that revision is still waiting in this chunk.
    func alias(_ position: Int, to staged: Int) {
        guard let first = entries.first?.position, staged >= first else { return }
        aliases.append((position, staged))
    }

    /// Copies built commits (and, after a lost race, versions) into the outcomes that name them.
    func resolveAliases(in outcomes: inout OutcomeLog) {
        for (position, staged) in aliases {
            outcomes[position] = outcomes[position].with(commit: outcomes[staged].commit.object,
                                                         version: outcomes[staged].version)
        }
    }

    func reset() {
        start = [:]
        order = []
        heads = [:]
        entries = []
        aliases = []
    }
}
