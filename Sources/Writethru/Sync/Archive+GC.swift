internal import GitStore

extension Archive {
    /// Packs every object reachable from any branch (stories, `main`, remote-tracking) into one
    /// pack with deltas, through libgit2, then deletes what the new pack holds elsewhere: loose
    /// objects and older packs. Unreachable objects stay where they are. Safe while others
    /// record: they only add objects, and nothing the new pack lacks is deleted. Then removes
    /// the temporary files killed writers left, once untouched for an hour
    /// (`Repository.temporaryGracePeriod`): no live writer holds one that long.
    /// - Complexity: O(objects) reachable, with libgit2's delta search over a window of them.
    public func gc() throws(WritethruError) -> PackedObjects {
        return try inStorage("gc") {
            let tips = try repository.references(matching: "refs/*").map(\.target)
            let repacked = try repository.repack(tips: Array(Set(tips)).sorted())
            return PackedObjects(repacked, temporaries: repository.removeStaleTemporaries())
        }
    }
}
