internal import GitStore

extension Archive {
    /// `verify --remote`: fetches the remote and names, for every story both sides have, a
    /// history rewritten on either side (neither tip an ancestor of the other) and a remote
    /// branch that went back to an older version since this archive last saw it (versions
    /// lost there; `noticeTruncations`). Returns the remote's name.
    /// - Complexity: O(s) ancestry checks for s stories shared, plus the fetch.
    func checkRemote(_ name: String, into checker: inout Checker) throws(WritethruError) -> String {
        let remoteName = try remoteName(name)
        let fetched = try fetchAll(remoteName)
        let local = try tips(under: Self.storyBranchPrefix)
        let theirs = fetched.tips
        for story in Set(local.keys).intersection(theirs.keys).sorted() {
            if let cut = fetched.truncated[story] {
                checker.problem(story, local[story], "\(remoteName) lost \(cut.lost) "
                                + (cut.lost == 1 ? "version" : "versions") + " of it: its branch there went back from "
                                + "\(cut.seen.short()) to \(cut.now.short()); nothing here was changed "
                                + "(`writethru push --restore` sends them back)")
                continue
            }
            guard try relation(local: local[story], remote: theirs[story]) == .diverged else { continue }
            checker.problem(story, local[story], "its history and \(remoteName)'s differ: "
                            + "neither is an ancestor of the other "
                            + "(\(local[story]?.short() ?? "") here, \(theirs[story]?.short() ?? "") there)")
        }
        return remoteName
    }
}
