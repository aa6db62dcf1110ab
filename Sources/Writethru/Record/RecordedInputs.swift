internal import GitStore

/// The inputs each story already holds, by the SHA-256 of their bytes: read from a story's
/// history the first time the story comes up, then kept up to date as the run records.
struct RecordedInputs {
    /// A version holding an input: its commit, or (recorded by this run) where its outcome sits,
    /// whose commit may not be built yet.
    struct Held {
        let version: Int
        let commit: ObjectID
        let position: Int?
    }

    private var byStory: [StoryID: [String: Held]] = [:]

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
