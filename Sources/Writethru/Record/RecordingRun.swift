import Foundation
internal import GitStore
import StoryText

/// One run of `record` or `import`: takes checked inputs in order, a part at a time, decides
/// each revision's story and writes it. A packed run stages revisions and writes a pack per
/// `packedChunkSize` of them (`finish` writes the rest); otherwise each revision is written on
/// its own. With `skipRecorded`, an input whose bytes some version of its story already holds
/// is reported `already-recorded` and not written again (what makes an import safe to re-run).
///
/// A run given `report` (an import) hands each chunk's outcomes to it once the chunk is
/// written, and drops them: with the bounded `RecordedInputs` and `StoryIdentifier`, what it
/// holds stays about a chunk's worth however many revisions it records.
final class RecordingRun {
    private let archive: Archive
    private let options: RecordOptions
    private let index: DerivedIndex
    private let skipRecorded: Bool
    private var identifier: StoryIdentifier
    private var recordedInputs = RecordedInputs()
    private let batch: PackedBatch?
    /// The outcomes not yet handed to `report` (without one, every outcome of the run).
    private var log = OutcomeLog()
    var outcomes: [RecordOutcome] { log.kept }
    /// Hears every outcome once its revision is written (or found unchanged, already recorded,
    /// skipped), in order; nil keeps them all in `outcomes`.
    private let report: ((RecordOutcome) -> Void)?
    /// The skipped inputs among the outcomes already reported, with the reason.
    private var reportedSkips: [(file: String, reason: String)] = []
    /// How many of the outcomes already reported are `recorded`.
    private var reportedRecorded = 0
    /// Whether a story whose branch cannot be moved (`locked`, `contention`) is skipped, with
    /// the rest of its inputs, while the run goes on (an import), or ends the run (a record).
    private let skipBlockedStories: Bool
    /// Why each skipped story was skipped.
    private var blocked: [StoryID: String] = [:]
    /// A record run's identity (`RunMark`): what an earlier run of the same command landed.
    private var runItems: RunItems?
    /// Revisions placed so far: the next one's item number in the run.
    private var items = 0

    /// Whether a Ctrl-C or SIGTERM stops the run before its next revision; a capture pass,
    /// which stops between fetches itself, records the page it already fetched.
    var stopsOnInterruption = true

    init(archive: Archive, options: RecordOptions, index: DerivedIndex, skipRecorded: Bool, packed: Bool,
         skipBlockedStories: Bool = false, runID: String? = nil, report: ((RecordOutcome) -> Void)? = nil) {
        self.archive = archive
        self.report = report
        self.options = options
        self.index = index
        self.skipRecorded = skipRecorded
        self.skipBlockedStories = skipBlockedStories
        runItems = runID.map(RunItems.init)
        identifier = StoryIdentifier(archive: archive, index: index, matchSimilar: options.matchSimilar)
        batch = packed ? PackedBatch(index: index, skipRecorded: skipRecorded, skipBlockedStories: skipBlockedStories)
            : nil
    }

    /// The inputs skipped because their story's branch could not be moved, with the reason.
    var skipped: [(file: String, reason: String)] {
        reportedSkips + skips(in: log.kept)
    }

    private func skips(in outcomes: [RecordOutcome]) -> [(file: String, reason: String)] {
        let reasons = blocked.merging(batch?.blocked ?? [:]) { first, _ in first }
        return outcomes.filter { $0.status == .skipped }.map { outcome in
            (outcome.line.map { "\(outcome.file):\($0)" } ?? outcome.file, reasons[outcome.story] ?? "not recorded")
        }
    }

    /// Places and stages (or writes) the revisions of `checked`, which were read while the
    /// derived index's furniture generation was `generation`: an input read before this run
    /// taught the index new furniture is read again. `progress` hears how many revisions of
    /// `checked` have been placed.
    func add(_ checked: [CheckedInput], readAt generation: Int,
             progress: ((Int) -> Void)? = nil) throws(WritethruError) {
        var placed = 0
        for entry in checked {
            if stopsOnInterruption, Interruption.isRequested { throw interrupted() }
            let (item, input) = (entry.item, entry.item.input)
            let learnedSince = index.furnitureGeneration != generation
                && archive.config.reading.boilerplate.learnAfterStories > 0
            let reread = learnedSince ? try? archive.read(input, options: options, furniture: index) : nil
            for (position, read) in (reread ?? entry.reads).enumerated() {
                defer {
                    placed += 1
                    progress?(placed)
                }
                try place(read, of: item, content: reread == nil ? entry.contents[position] : nil)
                if let batch, !batch.raced.isEmpty {
                    recordedInputs.forget(batch.raced)
                    batch.raced = []
                }
            }
        }
    }

    private func place(_ read: ReadRevision, of item: RecordItem, content: RevisionContent?) throws(WritethruError) {
        let input = item.input
        let time = Archive.time(of: read.revision, options: options, fallback: item.fallbackTime)
        let (story, match) = try identifier.identify(read.revision, time: time.0, explicit: item.story,
                                                     file: input.name)
        var prepared = PreparedRevision(input: input, read: read, story: story, match: match, time: time.0,
                                        timeSource: time.1, recordedAt: options.recordedAt,
                                        content: content ?? RevisionContent(read))
        prepared.capture = item.capture
        defer { items += 1 }
        if var runItems {
            prepared.run = RunMark(id: runItems.id, item: items)
            let landed = try runItems.version(of: story, item: items, in: archive)
            self.runItems = runItems
            if let landed {
                log.append(prepared.outcome(version: landed.version, status: .alreadyRecorded,
                                            commit: landed.commit.object))
                return
            }
        }
        if blocked[story] != nil || batch?.blocked[story] != nil {
            log.append(prepared.outcome(version: 0, status: .skipped, commit: .zero))
            return
        }
        if skipRecorded, let held = try recordedInputs.version(holding: prepared, in: archive) {
            let commit = held.position.map { log[$0].commit.object } ?? held.commit
            log.append(prepared.outcome(version: held.version, status: .alreadyRecorded, commit: commit))
            if let position = held.position { batch?.alias(log.count - 1, to: position) }
            return
        }
        let outcome: RecordOutcome
        if let batch {
            outcome = try archive.stage(prepared, in: batch, outcomes: &log)
        } else {
            do {
                outcome = try archive.write(prepared, index: index)
            } catch {
                guard skipBlockedStories, let reason = error.blockedStoryReason else { throw error }
                blocked[story] = reason
                log.append(prepared.outcome(version: 0, status: .skipped, commit: .zero))
                return
            }
            log.append(outcome)
        }
        if outcome.status == .recorded {
            archive.remember(prepared, in: index)
            recordedInputs.note(prepared, version: outcome.version, position: log.count - 1)
            // Staging it filled the chunk, which is now written.
            if let batch, batch.entries.isEmpty { written() }
        }
    }

    /// Once everything staged is written (and in the derived index): names what the run
    /// remembers by commits, bounds it, and hands the outcomes to `report`.
    private func written() {
        recordedInputs.settle { log[$0].commit.object }
        identifier.forgetWritten()
        guard let report else { return }
        reportedSkips += skips(in: log.kept)
        for outcome in log.release() {
            if outcome.status == .recorded { reportedRecorded += 1 }
            report(outcome)
        }
        FreedMemory.release()
    }

    /// Stops the run: what is staged is dropped (its pack was never written), what was written
    /// stays (the caller counts it from the branches: `Archive.landed`).
    private func interrupted() -> WritethruError {
        .interrupted(kept: reportedRecorded + log.kept.filter { $0.status == .recorded }.count
                        - (batch?.entries.count ?? 0))
    }

    /// Gives up on what is staged (after an error or an interruption): the lines it would have
    /// added to the derived index are dropped with it, so the index never names revisions the
    /// archive does not hold. A run that writes each revision at once has nothing staged.
    func abandon() {
        if batch != nil { index.discardUnwritten() }
    }

    /// Writes what is still staged; returns every outcome not handed to `report`, in order (with
    /// `report`, none: it has heard them all).
    func finish() throws(WritethruError) -> [RecordOutcome] {
        if let batch, !batch.entries.isEmpty { try archive.commit(batch, outcomes: &log) }
        written()
        return log.kept
    }
}
