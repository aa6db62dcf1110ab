import Foundation
internal import GitStore
import WritethruSupport

extension Archive {
    /// Checks every story branch: each object readable and hashing to its id, each revision's
    /// tree complete (`article.md`, `meta.json`, the input under `source/`), the hashes in
    /// `meta.json` matching `article.md` and the input, version numbers and times in order;
    /// and the settings on `main`. With a remote, fetches it and checks that no story's
    /// history was rewritten on either side: each tip is an ancestor of the other, or equal.
    /// - Complexity: O(r) revisions and every object they reach, each read and hashed once: linear in
    ///  the archive's size.
    public func verify(remote name: String?) throws(WritethruError) -> VerifyReport {
        var checker = Checker(archive: self)
        checker.checkMain()
        let branches = try storyTips()
        for (story, tip) in branches { checker.check(story: story, tip: tip) }
        var remote: String?
        if let name {
            let remoteName = try remoteName(name)
            remote = remoteName
            try fetchAll(remoteName)
            let local = try tips(under: Self.storyBranchPrefix)
            let theirs = try tips(under: Self.trackingPrefix(remoteName) + "stories/")
            for story in Set(local.keys).intersection(theirs.keys).sorted() {
                guard try relation(local: local[story], remote: theirs[story]) == .diverged else { continue }
                checker.problem(story, local[story], "its history and \(remoteName)'s differ: "
                                + "neither is an ancestor of the other "
                                + "(\(local[story]?.short() ?? "") here, \(theirs[story]?.short() ?? "") there)")
            }
        }
        let now = Date()
        for lock in locks(now: now) where lock.state == .stale {
            checker.problem(lock.story, nil, "stale lock file \(lock.description(at: now)): the branch cannot move "
                                + "while it is there; remove it with `writethru locks --remove`")
        }
        var notes: [String] = []
        let caughtUp = try derivedIndex().caughtUp
        if !caughtUp.isEmpty {
            notes.append("the derived index caught up on " + (caughtUp.count == 1 ? "1 story" : "\(caughtUp.count) stories")
                             + " a killed writer had recorded but not indexed: "
                             + caughtUp.map(\.value).joined(separator: ", "))
        }
        return VerifyReport(stories: branches.count, revisions: checker.revisions, objects: checker.checked.count,
                            remote: remote, problems: checker.problems, notes: notes)
    }
}

