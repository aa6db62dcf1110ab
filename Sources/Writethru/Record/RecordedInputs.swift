internal import GitStore

/// The inputs each story already holds, by the SHA-256 of their bytes: read from a story's
/// history the first time the story comes up, then kept up to date as the run records.
/// Bounded: once what the run staged is written (`settle`), more than `capacity` stories are
/// forgotten, to be read again from their branches if they come up again.
struct RecordedInputs {
    /// Stories known at most between two chunks.
    static let capacity = 4_096

    /// A version holding an input: its commit, or (recorded by this run) where its outcome sits,
    /// whose commit may not be built yet.
    struct Held {
        let version: Int
        let commit: ObjectID
        let position: Int?
    }

    private var byStory: [StoryID: [String: Held]] = [:]
    /// Inputs noted with the position of their outcome since the last `settle`.
    private var unsettled: [(story: StoryID, input: String)] = []

    /// How many stories are known (at most `capacity` after a `settle`).
    var stories: Int { byStory.count }

    mutating func version(holding prepared: PreparedRevision, in archive: Archive) throws(WritethruError) -> Held? {
        if byStory[prepared.story] == nil {
            byStory[prepared.story] = try archive.recordedInputs(of: prepared.story).mapValues {
                Held(version: $0.version, commit: $0.commit, position: nil)
            }
        }
        return byStory[prepared.story]?[prepared.content.inputHash]
    }

    /// Drops what is known of `stories`, to be read again from their branches.
    mutating func forget(_ stories: Set<StoryID>) {
        for story in stories { byStory[story] = nil }
    }

    mutating func note(_ prepared: PreparedRevision, version: Int, position: Int) {
        byStory[prepared.story, default: [:]][prepared.content.inputHash] = Held(version: version, commit: .zero,
                                                                                 position: position)
        unsettled.append((prepared.story, prepared.content.inputHash))
    }

    /// Once every revision noted is written: names each by its commit (`commit(position)`),
    /// not by the position of an outcome the run may drop, then forgets every story when more
    /// than `capacity` are known.
    mutating func settle(_ commit: (Int) -> ObjectID) {
        for (story, input) in unsettled {
            guard let held = byStory[story]?[input], let position = held.position else { continue }
            byStory[story]?[input] = Held(version: held.version, commit: commit(position), position: nil)
        }
        unsettled.removeAll(keepingCapacity: true)
        if byStory.count > Self.capacity { byStory.removeAll() }
    }
}

extension Archive {
    /// The SHA-256 of each version's input, with the version and commit that hold it.
    func recordedInputs(of story: StoryID) throws(WritethruError) -> [String: (version: Int, commit: ObjectID)] {
        var inputs: [String: (version: Int, commit: ObjectID)] = [:]
        for (index, commit) in try history(of: story).enumerated() {
            let meta = try meta(of: commit)
            if inputs[meta.input.sha256] == nil { inputs[meta.input.sha256] = (index + 1, commit) }
        }
        return inputs
    }
}
