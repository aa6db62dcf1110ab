import Foundation

extension Archive {
    /// What killed writers left, for `verify`: each stale lock file is a problem (no writer can
    /// move that branch until it is removed); the derived index is caught up with what they
    /// recorded but did not index, which is said in a note (derived data, repaired on the way).
    func checkWriters(into checker: inout Checker) throws(WritethruError) -> [String] {
        let now = Date()
        let removal = "`writethru locks --remove --archive \(path)`"
        for lock in locks(now: now) where lock.state == .stale {
            let blocked = lock.story == nil ? "git cannot pack or delete references while it is there"
                : "the branch cannot move while it is there"
            let remedy = lock.isLeftByDeadWriter && lock.story != nil
                ? "the story's next writer removes it itself, or remove it with " + removal
                : "remove it with " + removal
            checker.problem(lock.story, nil, "stale lock file \(lock.description(at: now)): \(blocked); \(remedy)")
        }
        let index = try derivedIndex()
        func named(_ stories: [StoryID]) -> String {
            (stories.count == 1 ? "1 story" : "\(stories.count) stories")
        }
        func list(_ stories: [StoryID]) -> String {
            stories.prefix(10).map(\.value).joined(separator: ", ") + (stories.count > 10 ? " and \(stories.count - 10) more" : "")
        }
        var notes: [String] = []
        if !index.caughtUp.isEmpty {
            notes.append("the derived index learned again " + named(index.caughtUp)
                + " whose branch a killed writer was moving: " + list(index.caughtUp))
        }
        if !index.movedByOthers.isEmpty {
            notes.append("the derived index learned again " + named(index.movedByOthers)
                + " whose branch another tool moved (git push, git branch, git update-ref): " + list(index.movedByOthers))
        }
        return notes
    }
}
