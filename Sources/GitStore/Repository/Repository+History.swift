internal import CLibGit2

extension Repository {
    /// Every commit reachable from `tip`, oldest first by commit time (parents before their
    /// children when times tie or disagree).
    /// - Complexity: O(c log c) for c reachable commits (libgit2's time-ordered revwalk).
    public func historyByTime(from tip: ObjectID) throws -> [ObjectID] {
        try walk(from: tip, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue | GIT_SORT_REVERSE.rawValue,
                 firstParent: false)
    }

    /// The first-parent history ending at `tip`, oldest first.
    public func firstParentHistory(from tip: ObjectID) throws -> [ObjectID] {
        try walk(from: tip, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue, firstParent: true)
    }

    private func walk(from tip: ObjectID, sorting: UInt32, firstParent: Bool) throws -> [ObjectID] {
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, raw), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        try check(git_revwalk_sorting(walker, sorting), "git_revwalk_sorting")
        if firstParent { try check(git_revwalk_simplify_first_parent(walker), "git_revwalk_simplify_first_parent") }
        var start = tip.raw
        try check(git_revwalk_push(walker, &start), "git_revwalk_push")
        var ids: [ObjectID] = []
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, walker)
            if rc == GIT_ITEROVER.rawValue { break }
            try check(rc, "git_revwalk_next")
            ids.append(ObjectID(oid))
        }
        return ids
    }
}
