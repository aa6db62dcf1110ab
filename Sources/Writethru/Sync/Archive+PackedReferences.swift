internal import GitStore

extension Archive {
    /// Loose reference files an archive may hold after a fetch or pull before they are packed.
    /// Below it, a pull's few new branches cost a file each, as git's own fetch does; above
    /// it (a clone, or a pull of hundreds of new stories) one `packed-refs` line each
    /// (docs/decisions/0030-pack-references-after-fetch.md).
    static let looseReferenceLimit = 256

    /// Packs every reference into `packed-refs` when more than `looseReferenceLimit` are loose.
    /// Best effort: references read the same packed or loose, so a failure (another process
    /// packing at the same moment) leaves them correct, only loose.
    /// - Complexity: O(loose references) to count them; O(references) to pack.
    func packReferencesIfMany() {
        guard repository.looseReferenceCount() > Self.looseReferenceLimit else { return }
        try? repository.packReferences()
    }
}
