import Foundation
internal import GitStore
import StoryText

extension Archive {
    /// Inputs read at a time, on every core, while the part before them is recorded. Packs
    /// still hold `packedChunkSize` revisions each; an interrupted import keeps whole packs.
    static let importChunk = 500

    /// Records an import's revisions in order. An input that cannot be read or placed is
    /// rejected with its reason and the rest go on; an input some version of its story already
    /// holds (same bytes) is skipped, so running the same import again records nothing twice.
    ///
    /// Reading (the text reader, boilerplate, search words: most of the work) runs on every
    /// core one part ahead of recording, so placing and writing one part overlaps reading the
    /// next.
    ///
    /// Each outcome is told to `outcome` once its chunk is written, then dropped: the summary
    /// counts them (docs/import.md, "Memory").
    /// - Complexity: O(total input bytes) to read on every core, objects built on every core and
    ///  written one pack per chunk; memory bounded by a chunk plus the read-ahead, not by the import's
    ///  size (but for the plan's names and one story id per story, to count stories).
    public func importRevisions(_ plan: ImportPlan, recordedAt: Date,
                                progress: ((Int, Int) -> Void)? = nil,
                                outcome: ((RecordOutcome) -> Void)? = nil) throws(WritethruError) -> ImportSummary {
        let index = try derivedIndex()
        defer {
            flushAfterRecording(index)
            journal.close()
        }
        FreedMemory.limitArenas()
        let total = plan.items.count
        let parts = stride(from: 0, to: total, by: Self.importChunk).map { $0..<min(total, $0 + Self.importChunk) }
        var rejected = plan.rejected
        var tally = ImportTally()
        let report = { (reported: RecordOutcome) in
            tally.add(reported)
            outcome?(reported)
        }
        var run: RecordingRun?
        var next = parts.first.map { ImportRead(plan.items[$0], reading: config.reading, index: index) }
        do {
            for (number, part) in parts.enumerated() {
                guard let current = next else { break }
                let reads = current.wait()
                next = number + 1 < parts.count
                    ? ImportRead(plan.items[parts[number + 1]], reading: config.reading, index: index)
                    : nil
                var checked: [CheckedInput] = []
                for read in reads {
                    switch read {
                    case .success(let input): checked.append(input)
                    case .failure(let error): try reject(error, into: &rejected)
                    }
                }
                // Packed unless the whole import is a handful of revisions, like a single record.
                let packed = parts.count > 1 || checked.reduce(0) { $0 + $1.reads.count } >= Self.packedBatchThreshold
                let recording = run ?? RecordingRun(archive: self, options: RecordOptions(recordedAt: recordedAt),
                                                    index: index, skipRecorded: true, packed: packed,
                                                    skipBlockedStories: true, report: report)
                run = recording
                // Progress counts inputs; a JSON Lines input may hold many revisions.
                let before = part.upperBound - checked.count
                try recording.add(checked, readAt: current.generation) { placed in
                    progress?(min(part.upperBound, before + placed), total)
                }
                progress?(part.upperBound, total)
            }
            // The run reports every outcome as it finishes; none is left to count here.
            for left in try run?.finish() ?? [] { report(left) }
            return ImportSummary(tally, rejected: rejected, skipped: run?.skipped ?? [])
        } catch {
            run?.abandon()
            // The outcomes of chunks written were reported; of the rest, those whose revisions landed.
            for written in run.map({ landed($0.outcomes) }) ?? [] { report(written) }
            // Nothing recorded yet: the import failed as a whole (an unreadable archive, ...).
            guard let run, tally.count(.recorded) > 0 || error.stopsAnImport else {
                throw error
            }
            let kept = tally.count(.recorded)
            let stopped = if case .interrupted = error { WritethruError.interrupted(kept: kept) } else { error }
            return ImportSummary(tally, rejected: rejected, skipped: run.skipped, stopped: stopped)
        }
    }

    /// Counts an input that cannot be used among the rejected; any other failure ends the import.
    private func reject(_ error: WritethruError,
                        into rejected: inout [(file: String, reason: String)]) throws(WritethruError) {
        switch error {
        case .badInput(let file, let reason), .unreadableInput(let file, let reason): rejected.append((file, reason))
        default: throw error
        }
    }
}
