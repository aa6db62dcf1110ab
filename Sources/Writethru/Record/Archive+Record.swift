import Foundation
internal import GitStore
import StoryText
import WritethruSupport

extension Archive {
    /// How often a writer re-reads a story's tip and retries after losing the race for it.
    static let maximumAttempts = 400
    /// From this many revisions on, a `record` writes its objects as packs, not loose files.
    static let packedBatchThreshold = 16
    /// Revisions per pack in a batch: each chunk is written, then its story branches move.
    static let packedChunkSize = 2_500

    /// Records each revision of each input as the next revision of its story, in order.
    ///
    /// Every input is read and checked (on every core) before anything is written, so one bad
    /// file means nothing is recorded; the first bad one in order is named. A story branch only
    /// moves by compare-and-swap; a writer that loses a race re-reads the tip, rebuilds the
    /// revision on it and tries again.
    /// - Complexity: O(total input bytes) to read (on every core), then per revision O(1) git writes
    ///  and, for a story seen first in the run, O(v) to read its v versions' fingerprints.
    public func record(_ inputs: [InputFile], options: RecordOptions) throws(WritethruError) -> [RecordOutcome] {
        try record(inputs, options: options, packed: nil)
    }

    /// `record`, written as packs (`true`), one revision at a time through libgit2 (`false`),
    /// or as the run's size decides (nil: from `packedBatchThreshold` revisions on).
    func record(_ inputs: [InputFile], options: RecordOptions,
                packed: Bool?) throws(WritethruError) -> [RecordOutcome] {
        let report = try recordReporting(inputs, options: options, packed: packed)
        if let stopped = report.stopped { throw stopped }
        return report.outcomes
    }

    /// `record`, but a run stopped once it began writing returns what it kept beside the error
    /// (which says how many revisions were kept) instead of throwing: an input that cannot be
    /// used still throws, with nothing written.
    public func recordReporting(_ inputs: [InputFile], options: RecordOptions,
                                packed: Bool? = nil) throws(WritethruError) -> RecordReport {
        let index = try derivedIndex()
        defer {
            flushAfterRecording(index)
            journal.close()
        }
        let generation = index.furnitureGeneration
        let (format, reading, story) = (options.format, config.reading, options.story)
        let checked = try inputs.concurrentMap { input in
            Result { () throws(WritethruError) in
                try CheckedInput(reading: RecordItem(input: input, story: story), format: format, options: reading,
                                 furniture: index)
            }
        }.map { result throws(WritethruError) in try result.get() }
        return try record(checked, options: options, index: index, readAt: generation, packed: packed)
    }

    /// Records checked inputs in order (see `RecordingRun`).
    func record(_ checked: [CheckedInput], options: RecordOptions, index: DerivedIndex,
                readAt generation: Int, packed: Bool? = nil,
                stopsOnInterruption: Bool = true) throws(WritethruError) -> RecordReport {
        let total = checked.reduce(0) { $0 + $1.reads.count }
        let run = RecordingRun(archive: self, options: options, index: index, skipRecorded: false,
                               packed: packed ?? (total >= Self.packedBatchThreshold),
                               runID: RunMark.runID(checked, options: options))
        run.stopsOnInterruption = stopsOnInterruption
        do {
            try run.add(checked, readAt: generation)
            return RecordReport(outcomes: try run.finish(), stopped: nil)
        } catch {
            run.abandon()
            let outcomes = landed(run.outcomes)
            let kept = outcomes.filter { $0.status == .recorded }.count
            if case .interrupted = error { return RecordReport(outcomes: outcomes, stopped: .interrupted(kept: kept)) }
            guard kept > 0 else { throw error }
            return RecordReport(outcomes: outcomes, stopped: error.noting(
                "\(kept) revision\(kept == 1 ? " was" : "s were") recorded and kept before this, and a re-run "
                    + "of the same command records only the rest"))
        }
    }

    func read(_ input: InputFile, options: RecordOptions,
              furniture: DerivedIndex) throws(WritethruError) -> [ReadRevision] {
        do {
            return try RevisionReader.read(input.bytes, format: options.format, options: config.reading,
                                           furniture: furniture)
        } catch {
            throw .badInput(file: input.name, reason: error.description)
        }
    }

    static func time(of revision: Revision, options: RecordOptions, fallback: Date?) -> (Date, String) {
        if let time = options.revisionTime { return (time, "option") }
        if let time = revision.updated ?? revision.published { return (time, "input") }
        if let fallback { return (fallback, "capture") }
        return (options.recordedAt, "recorded")
    }

    /// Lets the derived index's lookups see a revision placed in its story (its URL, headline
    /// and paragraphs) before it is written.
    func remember(_ prepared: PreparedRevision, in index: DerivedIndex) {
        index.note(story: prepared.story.value, keys: prepared.content.keys)
    }

    /// Queues a written revision for the derived index: its version, time, tag, headline,
    /// URL, paragraphs and sentences.
    func queue(_ placed: PreparedRevision, version: Int, commit: ObjectID, in index: DerivedIndex?) {
        index?.queue(story: placed.story.value, version: IndexedVersion(
            number: version, commit: commit.hex, tag: placed.revision.tag,
            updated: Int64(placed.time.timeIntervalSince1970.rounded(.down)),
            recorded: Int64(placed.recordedAt.timeIntervalSince1970.rounded(.down)), headline: placed.revision.headline,
            keys: placed.content.keys))
    }

    /// Writes one revision and moves its branch, retrying on a lost race. `target` is the
    /// repository handle to write through (default: the archive's own).
    func write(_ prepared: PreparedRevision, through target: Repository? = nil,
               index: DerivedIndex?) throws(WritethruError) -> RecordOutcome {
        let repository = target ?? self.repository
        let written = try inStorage(prepared.input.name) { () throws -> RecordOutcome? in
            for attempt in 1...Self.maximumAttempts {
                let tip = try self.tip(of: prepared.story)
                let parent = try tip.map { id throws(WritethruError) in try meta(of: id) }
                if let tip, let parent, RevisionFingerprint(parent) == RevisionFingerprint(prepared) {
                    return prepared.outcome(version: parent.version, status: .unchanged, commit: tip)
                }
                let version = (parent?.version ?? 0) + 1
                let placed = prepared.placed(after: parent.flatMap(ParentTimes.init))
                let commit = try makeCommit(placed, version: version, parent: tip, in: repository)
                do {
                    journal.willMove([prepared.story])
                    FaultInjection.check(.beforeReferenceMove)
                    try repository.updateReference(prepared.story.referenceName, to: commit, expecting: tip,
                                                   logMessage: "writethru record: version \(version)")
                    FaultInjection.check(.afterReferenceMove)
                    queue(placed, version: version, commit: commit, in: index)
                    return prepared.outcome(version: version, status: .recorded, commit: commit)
                } catch {
                    guard let race = error as? GitError, race.isReferenceRace else { throw error }
                    if race.code == .locked, let lock = lock(of: prepared.story),
                       try settle(lock, story: prepared.story) {
                        continue
                    }
                    backOff(attempt: attempt)
                }
            }
            return nil
        }
        if let written { return written }
        throw .contention("story \(prepared.story) is being written by other writers without pause: "
                              + "gave up after \(Self.maximumAttempts) attempts (if no writer is running, "
                              + "`writethru locks` tells whether a lock file was left behind); nothing was lost, "
                              + "run the command again")
    }

    /// Deals with a lock file in the way of a branch that is not a running writer's: waits
    /// until it is `ReferenceLock.staleAfter` old (libgit2 holds one for a moment; one that
    /// stays was left), then removes it when a dead Writethru writer left it (its journal names
    /// the story, no running writer does). True to try again at once (the lock is gone);
    /// false to back off as after a lost race (a running writer may hold it). A stale lock of
    /// unknown origin (a killed `git`) is never removed here: it throws `locked`, which says
    /// what to do (`writethru locks --remove`).
    private func settle(_ lock: ReferenceLock, story: StoryID) throws(WritethruError) -> Bool {
        guard lock.state != .held else { return false }
        let wait = ReferenceLock.staleAfter - Date().timeIntervalSince(lock.modified)
        if wait > 0 { usleep(UInt32(min(wait, ReferenceLock.staleAfter) * 1_000_000) + 10_000) }
        guard let again = self.lock(of: story), again.modified == lock.modified else { return true }
        switch again.state {
        case .held: return false
        case .recent: return true
        case .stale:
            if again.isLeftByDeadWriter, unlink(path + "/" + again.path) == 0 || errno == ENOENT { return true }
            throw .locked(story: story.value, message: Self.lockedMessage(again, path: path))
        }
    }

    /// "story fire is locked by a lock file no running writer holds (...); nothing was lost: ..."
    static func lockedMessage(_ lock: ReferenceLock, path: String) -> String {
        "story \(lock.story.map(\.value) ?? "?") is locked by a lock file no running writer holds (\(lock.path), "
            + "\(lock.circumstances(at: Date()))); nothing was lost: remove it with "
            + "`writethru locks --remove --archive \(path)`, then run the command again"
    }

    /// Writes a revision's commit through libgit2 (one loose object each: a single record).
    private func makeCommit(_ prepared: PreparedRevision, version: Int, parent: ObjectID?,
                            in repository: Repository) throws -> ObjectID {
        let revision = try RevisionCommit(prepared, version: version, settings: CommitSettings(config: config))
        let tree = try revision.tree.write(to: repository)
        return try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: revision.author,
                                           committer: revision.committer, message: revision.message)
    }

    /// Waits a random moment that grows with the attempt, so racing writers fall out of step.
    private func backOff(attempt: Int) {
        let ceiling = UInt32(min(attempt, 20) * 250)
        usleep(UInt32.random(in: 0...ceiling))
    }
}
