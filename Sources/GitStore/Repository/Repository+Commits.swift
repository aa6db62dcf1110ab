internal import CLibGit2
import Glibc

extension Repository {
    /// Writes a commit object; it moves no reference (see `updateReference`).
    public func createCommit(tree: ObjectID, parents: [ObjectID], author: Signature,
                             committer: Signature, message: String) throws -> ObjectID {
        let authorSig = try makeSignature(author)
        defer { git_signature_free(authorSig) }
        let committerSig = try makeSignature(committer)
        defer { git_signature_free(committerSig) }
        var treeOid = tree.raw
        let parentOids = UnsafeMutablePointer<git_oid>.allocate(capacity: max(parents.count, 1))
        defer { parentOids.deallocate() }
        for (i, p) in parents.enumerated() { (parentOids + i).initialize(to: p.raw) }
        var parentPointers: [UnsafePointer<git_oid>?] = (0..<parents.count).map { UnsafePointer(parentOids + $0) }
        var out = git_oid()
        try check(git_commit_create_from_ids(&out, raw, nil, authorSig, committerSig, nil, message,
                                             &treeOid, parents.count, &parentPointers),
                  "git_commit_create_from_ids")
        return ObjectID(out)
    }

    private func makeSignature(_ s: Signature) throws -> UnsafeMutablePointer<git_signature> {
        var sig: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&sig, s.name, s.email, git_time_t(s.time), Int32(s.offsetMinutes)),
                  "git_signature_new")
        guard let sig else { throw GitError(rawCode: -1, message: "no signature", function: "git_signature_new") }
        return sig
    }

    public func commit(_ id: ObjectID) throws -> Commit {
        var commit: OpaquePointer?
        var oid = id.raw
        try check(git_commit_lookup(&commit, raw, &oid), "git_commit_lookup")
        guard let commit else { throw GitError(rawCode: -3, message: "no commit \(id)", function: "git_commit_lookup") }
        defer { git_commit_free(commit) }
        let count = git_commit_parentcount(commit)
        let parents = (0..<count).compactMap { git_commit_parent_id(commit, $0).map { ObjectID($0.pointee) } }
        return Commit(
            id: id,
            tree: ObjectID(git_commit_tree_id(commit).pointee),
            parents: parents,
            message: git_commit_message(commit).map { String(cString: $0) } ?? "",
            author: Self.signature(git_commit_author(commit)),
            committer: Self.signature(git_commit_committer(commit)))
    }

    private static func signature(_ sig: UnsafePointer<git_signature>?) -> Signature {
        guard let sig else { return Signature(name: "", email: "", time: 0, offsetMinutes: 0) }
        return Signature(
            name: sig.pointee.name.map { String(cString: $0) } ?? "",
            email: sig.pointee.email.map { String(cString: $0) } ?? "",
            time: Int64(sig.pointee.when.time),
            offsetMinutes: Int32(sig.pointee.when.offset))
    }

    /// The blob id at `path` in `commit`'s tree, or nil when the path is absent.
    public func entry(at path: String, inCommit id: ObjectID) throws -> ObjectID? {
        var commit: OpaquePointer?
        var oid = id.raw
        try check(git_commit_lookup(&commit, raw, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "git_commit_tree")
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let rc = git_tree_entry_bypath(&entry, tree, path)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        guard let entryID = git_tree_entry_id(entry) else { return nil }
        return ObjectID(entryID.pointee)
    }

    /// Paths of all blobs in `commit`'s tree, slash-separated, in git's tree order.
    public func files(inCommit id: ObjectID) throws -> [String: ObjectID] {
        let treeID = try commit(id).tree
        var tree: OpaquePointer?
        var oid = treeID.raw
        try check(git_tree_lookup(&tree, raw, &oid), "git_tree_lookup")
        defer { git_tree_free(tree) }
        final class Collector { var files: [String: ObjectID] = [:] }
        let collector = Collector()
        let rc = withUnsafeMutablePointer(to: &collector.files) { pointer in
            git_tree_walk(tree, GIT_TREEWALK_PRE, { root, entry, payload in
                guard let entry, let payload, git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                      let name = git_tree_entry_name(entry), let id = git_tree_entry_id(entry)
                else { return 0 }
                let files = payload.assumingMemoryBound(to: [String: ObjectID].self)
                let prefix = root.map { String(cString: $0) } ?? ""
                files.pointee[prefix + String(cString: name)] = ObjectID(id.pointee)
                return 0
            }, pointer)
        }
        try check(rc, "git_tree_walk")
        return collector.files
    }

    /// Resolves an abbreviated commit id (at least 4 hex digits).
    /// Returns nil when no commit has that prefix; throws `.ambiguous` when several do.
    public func commit(prefix: String) throws -> ObjectID? {
        guard prefix.utf8.count >= 4, prefix.utf8.count <= 40, prefix.utf8.allSatisfy(\.isHexDigit) else { return nil }
        var oid = git_oid()
        guard git_oid_fromstrn(&oid, prefix, prefix.utf8.count) == 0 else { return nil }
        var object: OpaquePointer?
        let rc = git_object_lookup_prefix(&object, raw, &oid, prefix.utf8.count, GIT_OBJECT_COMMIT)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try check(rc, "git_object_lookup_prefix")
        defer { git_object_free(object) }
        guard let id = git_object_id(object) else { return nil }
        return ObjectID(id.pointee)
    }
}
