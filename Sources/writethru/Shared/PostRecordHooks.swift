import Foundation
import Writethru
import WritethruRender

/// Runs the archive's post-record hook once for each newly recorded revision, in the order they
/// were recorded, after the record is complete: every revision committed, its branch moved and
/// the derived index flushed (docs/hooks.md). Whatever a hook does, the revisions stay recorded
/// and the command's exit code does not change: a hook that is not ok is one warning line on
/// stderr (one in all for a hook that cannot be started) and its outcome in `record --format json`.
struct PostRecordHooks {
    let archive: Archive
    let hook: Hook

    /// Nil when the archive has no post-record hook: then nothing more is read or computed.
    init?(archive: Archive) {
        guard let hook = archive.postRecordHook else { return nil }
        self.archive = archive
        self.hook = hook
    }

    /// Runs the hook for each recorded outcome and returns what it did, one entry per outcome
    /// (nil for one not newly recorded). Each story's timeline is read once, when its first
    /// revision's event is made, and dropped after its last.
    /// - Complexity: per story with recorded revisions, one timeline (O(v) versions read and
    ///   compared); per recorded revision, one hook run.
    func run(_ outcomes: [RecordOutcome]) -> [HookOutcome?] {
        var left: [StoryID: Int] = [:]
        for outcome in outcomes where outcome.status == .recorded { left[outcome.story, default: 0] += 1 }
        var timelines: [StoryID: Result<StoryTimeline, WritethruError>] = [:]
        var warnedNotRun = false
        return outcomes.map { outcome -> HookOutcome? in
            guard outcome.status == .recorded else { return nil }
            let story = outcome.story
            let timeline = timelines[story] ?? Result { () throws(WritethruError) in try archive.timeline(story: story) }
            left[story, default: 1] -= 1
            timelines[story] = left[story] == 0 ? nil : timeline
            let result = run(for: outcome, in: timeline)
            if result.status != .ok, !(result.status == .notRun && warnedNotRun) {
                writeWarning("hook \(hook.name) \(hook.path) \(result.reason) (\(story.value) v\(outcome.version) "
                                 + "is recorded all the same)")
                warnedNotRun = warnedNotRun || result.status == .notRun
            }
            return result
        }
    }

    /// Makes the event of one recorded revision and runs the hook with it.
    private func run(for outcome: RecordOutcome, in timeline: Result<StoryTimeline, WritethruError>) -> HookOutcome {
        let version: StoryTimeline.Version
        switch timeline {
        case .failure(let error): return .notRun("was not run: its event could not be made: \(error.description)")
        case .success(let timeline):
            guard let found = timeline.versions.first(where: { $0.entry.commit == outcome.commit }) else {
                return .notRun("was not run: commit \(outcome.commit.hex) is not in the story's history")
            }
            version = found
        }
        let digest = UpdateDigest(story: outcome.story, version: version)
        let event = EventJSON(.postRecord, archive: archive.absolutePath, outcome: outcome, digest: digest)
        return hook.run(input: Array(event.rendered.utf8), variables: [
            "WRITETHRU_HOOK": hook.name,
            "WRITETHRU_ARCHIVE": archive.absolutePath,
            "WRITETHRU_STORY": outcome.story.value,
            "WRITETHRU_VERSION": String(version.entry.number),
            "WRITETHRU_COMMIT": outcome.commit.hex,
        ])
    }
}
