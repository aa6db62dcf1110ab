import Foundation
internal import GitStore

/// The blobs of one repository, read from any thread one at a time: a libgit2 repository must
/// not be used by two threads at once, and an import loads its inputs on several.
final class BlobSource: @unchecked Sendable {
    private let lock = NSLock()
    /// Used only under the lock, or before any import thread starts.
    let repository: Repository

    init(_ repository: Repository) {
        self.repository = repository
    }

    func bytes(of blob: ObjectID, name: String) throws(WritethruError) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try repository.blob(blob)
        } catch {
            throw .unreadableInput(file: name, reason: "cannot be read (\(error))")
        }
    }
}
