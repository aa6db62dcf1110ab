internal import CLibGit2
import Foundation

extension Repository {
    /// How many loose reference files (one file per reference) are under `refs/`.
    /// - Complexity: O(f) files and folders under `refs/`.
    public func looseReferenceCount() -> Int {
        let root = (path.hasSuffix("/") ? path : path + "/") + "refs"
        guard let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: root),
                                                              includingPropertiesForKeys: [.isRegularFileKey]) else { return 0 }
        var count = 0
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            count += 1
        }
        return count
    }

    /// Writes every reference into `packed-refs` and deletes the loose files packed, through
    /// libgit2 (`git_refdb_compress`). Safe while others write references: each loose file is
    /// deleted under its own lock and only if it still holds the value packed, one another
    /// writer holds is left as it is, and a compare-and-swap on a packed reference works as on
    /// a loose one.
    /// - Complexity: O(references): the whole `packed-refs` file is rewritten.
    public func packReferences() throws {
        var refdb: OpaquePointer?
        try check(git_repository_refdb(&refdb, raw), "git_repository_refdb")
        defer { git_refdb_free(refdb) }
        try check(git_refdb_compress(refdb), "git_refdb_compress")
    }
}
