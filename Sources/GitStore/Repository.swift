internal import CLibGit2
import Glibc

/// An open git repository. Owns its libgit2 handle and frees it in `deinit`.
///
/// Not `Sendable`: a libgit2 repository must not be used by two threads at once, so each
/// thread or process opens its own.
public final class Repository {
    let raw: OpaquePointer
    /// The directory the repository lives in (for a bare repository, the repository itself).
    public let path: String

    private init(raw: OpaquePointer) {
        self.raw = raw
        self.path = git_repository_path(raw).map { String(cString: $0) } ?? ""
    }

    deinit { git_repository_free(raw) }

    /// Creates a bare repository at `path` (making missing parent directories) whose HEAD
    /// names the unborn branch `initialBranch`.
    public static func createBare(at path: String, initialBranch: String) throws -> Repository {
        LibGit2.ensureInitialized()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                  "git_repository_init_options_init")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_BARE.rawValue
        var out: OpaquePointer?
        try initialBranch.withCString { head in
            options.initial_head = head
            try check(git_repository_init_ext(&out, path, &options), "git_repository_init_ext")
        }
        guard let out else { throw GitError(rawCode: -1, message: "no repository", function: "git_repository_init_ext") }
        return Repository(raw: out)
    }

    /// Opens the repository at exactly `path`, without searching parent directories.
    public static func open(at path: String) throws -> Repository {
        LibGit2.ensureInitialized()
        var out: OpaquePointer?
        try check(git_repository_open_ext(&out, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                  "git_repository_open_ext")
        guard let out else { throw GitError(rawCode: -3, message: "no repository at \(path)", function: "git_repository_open_ext") }
        return Repository(raw: out)
    }

    public var isBare: Bool { git_repository_is_bare(raw) == 1 }

    // MARK: Objects

    /// Stores `bytes` as a blob. Content-addressed: storing the same bytes twice is free.
    public func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buf in
            try check(git_blob_create_from_buffer(&oid, raw, buf.baseAddress, buf.count),
                      "git_blob_create_from_buffer")
        }
        return ObjectID(oid)
    }

    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var blob: OpaquePointer?
        var oid = id.raw
        try check(git_blob_lookup(&blob, raw, &oid), "git_blob_lookup")
        guard let blob else { return [] }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// Writes the tree holding `files` (slash-separated paths to blob ids), creating the
    /// subtrees the paths name. Entries are sorted by git itself, so the id is deterministic.
    public func writeTree(files: [String: ObjectID]) throws -> ObjectID {
        var direct: [(String, ObjectID)] = []
        var nested: [String: [String: ObjectID]] = [:]
        for (path, id) in files {
            if let slash = path.firstIndex(of: "/") {
                let head = String(path[..<slash])
                let rest = String(path[path.index(after: slash)...])
                nested[head, default: [:]][rest] = id
            } else {
                direct.append((path, id))
            }
        }
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, raw, nil), "git_treebuilder_new")
        guard let builder else { throw GitError(rawCode: -1, message: "no tree builder", function: "git_treebuilder_new") }
        defer { git_treebuilder_free(builder) }
        for (name, id) in direct {
            var oid = id.raw
            try check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_BLOB), "git_treebuilder_insert")
        }
        for (name, children) in nested {
            var oid = try writeTree(files: children).raw
            try check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE), "git_treebuilder_insert")
        }
        var out = git_oid()
        try check(git_treebuilder_write(&out, builder), "git_treebuilder_write")
        return ObjectID(out)
    }

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

    // MARK: References

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

    // MARK: History

    /// Every commit reachable from `tip`, oldest first by commit time (parents before their
    /// children when times tie or disagree).
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
