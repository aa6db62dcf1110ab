internal import CLibGit2

extension Repository {
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
        guard let builder else {
            throw GitError(rawCode: -1, message: "no tree builder", function: "git_treebuilder_new")
        }
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
}
