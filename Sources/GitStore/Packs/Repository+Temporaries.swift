import Foundation

/// What removing libgit2's stale temporary files freed.
public struct RemovedTemporaries: Sendable, Equatable {
    public let files: Int
    public let bytes: Int

    public init(files: Int, bytes: Int) { (self.files, self.bytes) = (files, bytes) }
}

extension Repository {
    /// How long a libgit2 temporary must have gone unmodified before `removeStaleTemporaries`
    /// deletes it: one hour. A live writer holds one for seconds (a loose object) or for as long
    /// as it keeps writing (a pack being built or downloaded, whose modification time moves
    /// with every write), so an hour without a write means its writer was killed. Git's own
    /// `gc.pruneExpire` (two weeks) protects unreachable objects someone may still want; a
    /// temporary is never an object anyone can read, so the grace period only has to outlast
    /// a writer.
    public static let temporaryGracePeriod: TimeInterval = 3600

    /// Deletes the temporary files libgit2 writes before renaming them into place, left
    /// behind by a writer that was killed: `objects/tmp_object_git2_*` (a loose object) and
    /// `objects/pack/pack_git2_*` (a pack from a bulk write, a repack or a fetch). Only regular
    /// files untouched for `gracePeriod` are removed; anything else in those folders is left.
    /// - Complexity: O(f) for the f entries of `objects/` and `objects/pack/`.
    public func removeStaleTemporaries(olderThan gracePeriod: TimeInterval = temporaryGracePeriod,
                                       now: Date = Date()) -> RemovedTemporaries {
        var files = 0
        var bytes = 0
        for (directory, prefix) in [(objectsDirectory, "tmp_object_git2_"), (objectsDirectory + "/pack", "pack_git2_")] {
            let manager = FileManager.default
            for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix) {
                let path = directory + "/" + name
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeRegular,
                      let modified = attributes[.modificationDate] as? Date,
                      now.timeIntervalSince(modified) >= gracePeriod else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                guard (try? manager.removeItem(atPath: path)) != nil else { continue }
                files += 1
                bytes += size
            }
        }
        return RemovedTemporaries(files: files, bytes: bytes)
    }
}
