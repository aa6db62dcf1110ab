internal import GitStore
import WritethruSupport

extension Archive {
    /// Places a revision in the batch on top of what the batch already holds for its story:
    /// its version and parent are fixed now; its objects are built when the chunk is
    /// committed, and its branch moves then.
    func stage(_ prepared: PreparedRevision, in current: PackedBatch,
                       outcomes: inout OutcomeLog) throws(WritethruError) -> RecordOutcome {
        if current.start[prepared.story] == nil {
            let tip = try self.tip(of: prepared.story)
            current.start[prepared.story] = .some(tip)
            current.order.append(prepared.story)
            if let tip {
                let meta = try meta(of: tip)
                current.heads[prepared.story] = .init(version: meta.version, fingerprint: RevisionFingerprint(meta),
                                                      commit: tip, position: nil, times: ParentTimes(meta))
            }
        }
        let head = current.heads[prepared.story]
        let outcome: RecordOutcome
        if let head, head.fingerprint == RevisionFingerprint(prepared) {
            outcome = prepared.outcome(version: head.version, status: .unchanged, commit: head.commit)
            if let position = head.position { current.alias(outcomes.count, to: position) }
        } else {
            let version = (head?.version ?? 0) + 1
            let parent: PackedBatch.Parent = head.map { head in
                head.position.map { .staged($0) } ?? .commit(head.commit)
            } ?? .none
            let placed = prepared.placed(after: head?.times)
            current.entries.append(.init(prepared: placed, position: outcomes.count, version: version,
                                         parent: parent))
            current.heads[prepared.story] = .init(version: version, fingerprint: RevisionFingerprint(placed),
                                                  commit: .zero, position: outcomes.count, times: placed.times)
            outcome = prepared.outcome(version: version, status: .recorded, commit: .zero)
        }
        outcomes.append(outcome)
        if current.entries.count >= Self.packedChunkSize {
            try commit(current, outcomes: &outcomes)
        }
        return outcome
    }

    /// Writes a chunk: builds every revision's objects (files and trees on all cores, then
    /// the commits in order, each on its parent), writes them as one pack, then moves each
    /// story branch it touched, by compare-and-swap, from the tip it had when the chunk began.
    /// A story that another writer moved meanwhile has its revisions of the chunk recorded
    /// again, one by one, on the new tip.
    func commit(_ batch: PackedBatch, outcomes: inout OutcomeLog) throws(WritethruError) {
        defer { batch.reset() }
        try inStorage {
            let settings = CommitSettings(config: config)
            let built = batch.entries.concurrentMap { entry in
                Result {
                    let revision = try RevisionCommit(entry.prepared, version: entry.version, settings: settings)
                    return (revision, try revision.tree.objects())
                }
            }
            var objects: [GitObject] = []
            objects.reserveCapacity(batch.entries.count * 6)
            for (entry, result) in zip(batch.entries, built) {
                let (revision, files) = try result.get()
                let parents: [ObjectID] = switch entry.parent {
                case .none: []
                case .commit(let id): [id]
                case .staged(let position): [outcomes[position].commit.object]
                }
                let commit = try GitObject.commit(tree: files.tree, parents: parents, author: revision.author,
                                                  committer: revision.committer, message: revision.message)
                objects += files.objects
                objects.append(commit)
                outcomes[entry.position] = outcomes[entry.position].with(commit: commit.id)
            }
            batch.resolveAliases(in: &outcomes)
            try repository.writePack(objects)
            FaultInjection.check(.afterPack)
            // Lost races are redone through a second handle, which writes loose objects: a
            // pack per redone revision would litter objects/pack.
            var loose: Repository?
            let staged = Dictionary(grouping: batch.entries, by: \.prepared.story)
            for story in batch.order {
                guard let position = batch.heads[story]?.position, let start = batch.start[story] else { continue }
                let head = outcomes[position]
                do {
                    // Noted one story at a time, so a kill leaves a journal naming only the
                    // stories whose branches it was moving.
                    journal.willMove([story])
                    FaultInjection.check(.beforeReferenceMove)
                    try repository.updateReference(story.referenceName, to: head.commit.object, expecting: start,
                                                   logMessage: "writethru record: version \(head.version)")
                    FaultInjection.check(.afterReferenceMove)
                    for entry in staged[story] ?? [] {
                        queue(entry.prepared, version: entry.version, commit: outcomes[entry.position].commit.object,
                              in: batch.index)
                    }
                } catch {
                    guard let race = error as? GitError, race.isReferenceRace else { throw error }
                    let handle = try loose ?? Repository.open(at: path)
                    loose = handle
                    batch.raced.insert(story)
                    // An import skips what the story now holds: the other writer may have
                    // recorded the same inputs.
                    var held = batch.skipRecorded ? try recordedInputs(of: story) : [:]
                    for entry in batch.entries where entry.prepared.story == story {
                        if batch.blocked[story] != nil {
                            outcomes[entry.position] = entry.prepared.outcome(version: 0, status: .skipped,
                                                                              commit: .zero)
                            continue
                        }
                        if let existing = held[entry.prepared.content.inputHash] {
                            outcomes[entry.position] = entry.prepared.outcome(version: existing.version,
                                                                              status: .alreadyRecorded,
                                                                              commit: existing.commit)
                            continue
                        }
                        let outcome: RecordOutcome
                        do {
                            outcome = try write(entry.prepared, through: handle, index: batch.index)
                        } catch {
                            // An import skips the story and goes on with the others.
                            guard batch.skipBlockedStories, let reason = (error as? WritethruError)?.blockedStoryReason else {
                                throw error
                            }
                            batch.blocked[story] = reason
                            outcomes[entry.position] = entry.prepared.outcome(version: 0, status: .skipped,
                                                                              commit: .zero)
                            continue
                        }
                        outcomes[entry.position] = outcome
                        if outcome.status == .recorded {
                            held[entry.prepared.content.inputHash] = (outcome.version, outcome.commit.object)
                        }
                    }
                }
            }
            batch.resolveAliases(in: &outcomes)
            // What the chunk taught the derived index, now that its revisions are in the archive.
            try flush(batch.index)
        }
    }
}
