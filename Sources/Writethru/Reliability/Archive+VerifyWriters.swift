import Foundation

extension Archive {
    /// What killed writers left, for `verify`: each stale lock file is a problem (no writer can
    /// move that branch until it is removed); the derived index is caught up with what they
    /// recorded but did not index, which is said in a note (derived data, repaired on the way).
    func checkWriters(into checker: inout Checker) throws(WritethruError) -> [String] {
        let now = Date()
        for lock in locks(now: now) where lock.state == .stale {
            checker.problem(lock.story, nil, "stale lock file \(lock.description(at: now)): the branch cannot move "
                                + "while it is there; remove it with `writethru locks --remove`")
        }
        let caughtUp = try derivedIndex().caughtUp
        guard !caughtUp.isEmpty else { return [] }
        return ["the derived index caught up on " + (caughtUp.count == 1 ? "1 story" : "\(caughtUp.count) stories")
                    + " a killed writer had recorded but not indexed: " + caughtUp.map(\.value).joined(separator: ", ")]
    }
}
