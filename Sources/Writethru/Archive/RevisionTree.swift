internal import GitStore

/// The tree of one revision's commit, the one place that knows its layout (docs/storage.md):
///
///     article.md          the normalised text: headline, then one paragraph a block
///     meta.json           RevisionMeta: story, version, tag, advisory, times, hashes
///     source/<name>       the input exactly as received (`<name>.line-<n>` for one JSON Line)
///
/// Both writers build it from here (a single record through libgit2, a bulk record as objects
/// in memory, which must come out identical), and every reader finds its files by these names.
struct RevisionTree: Sendable {
    static let articlePath = "article.md"
    static let metaPath = "meta.json"
    static let sourceFolder = "source"

    /// Where an input is kept: `source/<name>`, or `source/<name>.line-<n>` for line `n` of a
    /// JSON Lines input.
    static func sourcePath(name: String, line: Int?) -> String {
        sourceFolder + "/" + name + (line.map { ".line-\($0)" } ?? "")
    }

    let article: [UInt8]
    let meta: [UInt8]
    /// `source/<name>`, as `sourcePath(name:line:)` makes it.
    let sourcePath: String
    let source: [UInt8]

    /// Writes the tree's blobs and trees through libgit2 (loose objects); returns the root.
    func write(to repository: Repository) throws -> ObjectID {
        try repository.writeTree(files: [
            Self.articlePath: try repository.writeBlob(article),
            Self.metaPath: try repository.writeBlob(meta),
            sourcePath: try repository.writeBlob(source),
        ])
    }

    /// The tree's blobs and trees built in memory, byte for byte as `write(to:)` stores them,
    /// and the root tree's id.
    func objects() throws -> (objects: [GitObject], tree: ObjectID) {
        let blobs = [try GitObject.blob(article), try GitObject.blob(meta), try GitObject.blob(source)]
        let sourceName = String(sourcePath.dropFirst(Self.sourceFolder.count + 1))
        let folder = try GitObject.tree([.init(name: sourceName, id: blobs[2].id)])
        let root = try GitObject.tree([.init(name: Self.articlePath, id: blobs[0].id),
                                       .init(name: Self.metaPath, id: blobs[1].id),
                                       .init(name: Self.sourceFolder, id: folder.id, isTree: true)])
        return (blobs + [folder, root], root.id)
    }
}
