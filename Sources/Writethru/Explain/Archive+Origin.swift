import Foundation
internal import GitStore

extension Archive {
    /// The archive's first commit (the root of `main`, made by `init`) and its time: what names
    /// the archive itself wherever it is copied (a clone has the same), for ids that must never
    /// change, such as the archive feed's (docs/decisions/0038-feed-entry-ids.md).
    /// - Complexity: O(c) in the commits of `main` (a handful: the settings' edits).
    public func origin() throws(WritethruError) -> (commit: CommitID, time: Date) {
        let root = try inStorage("the main branch") { () -> ObjectID? in
            guard let main = try repository.reference(Self.mainBranch) else { return nil }
            return try repository.firstParentHistory(from: main).first
        }
        guard let root else { throw .storage("the archive's main branch has no commit") }
        return (CommitID(root), try revisionTime(of: root))
    }
}
