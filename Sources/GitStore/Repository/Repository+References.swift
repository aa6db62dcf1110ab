internal import CLibGit2

extension Repository {
    /// True when `name` is a valid full reference name such as `refs/heads/main`.
    public static func isValidReferenceName(_ name: String) -> Bool {
        LibGit2.ensureInitialized()
        var valid: Int32 = 0
        guard git_reference_name_is_valid(&valid, name) == 0 else { return false }
        return valid == 1
    }

    /// The commit a reference points to, or nil when it does not exist.
    public func reference(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let rc = git_reference_name_to_id(&oid, raw, name)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// Moves `name` to `target` only if it still points to `expected` (nil: only if it does
    /// not exist yet). The comparison happens under the reference's lock file, so two writers
    /// can never both win. A lost race throws an error whose `isReferenceRace` is true.
    public func updateReference(_ name: String, to target: ObjectID, expecting expected: ObjectID?,
                                logMessage: String) throws {
        var newOid = target.raw
        var oldOid = expected?.raw ?? git_oid()
        var ref: OpaquePointer?
        try check(git_reference_create_matching(&ref, raw, name, &newOid, 1, &oldOid, logMessage),
                  "git_reference_create_matching")
        git_reference_free(ref)
    }

    /// Calls `body` with each reference matching `glob`, in libgit2's order (by name), reading
    /// each as it goes: the first arrives before the rest are read. `body` returns false to stop.
    /// - Complexity: O(references) matched, one at a time: memory O(1) beyond one reference.
    public func forEachReference(matching glob: String, _ body: (String, ObjectID) throws -> Bool) throws {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, raw, glob), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        while true {
            var ref: OpaquePointer?
            let rc = git_reference_next(&ref, iterator)
            if rc == GIT_ITEROVER.rawValue { return }
            try check(rc, "git_reference_next")
            defer { git_reference_free(ref) }
            guard let namePointer = git_reference_name(ref) else { continue }
            var resolved: OpaquePointer?
            try check(git_reference_resolve(&resolved, ref), "git_reference_resolve")
            defer { git_reference_free(resolved) }
            guard let target = git_reference_target(resolved) else { continue }
            guard try body(String(cString: namePointer), ObjectID(target.pointee)) else { return }
        }
    }

    /// References whose names match the fnmatch pattern `glob`, sorted by name.
    public func references(matching glob: String) throws -> [(name: String, target: ObjectID)] {
        var result: [(name: String, target: ObjectID)] = []
        try forEachReference(matching: glob) { name, target in
            result.append((name, target))
            return true
        }
        return result.sorted { $0.name < $1.name }
    }
}
