internal import GitStore

/// What `writethru gc` did: the archive's reachable objects packed into one pack, and the
/// temporary files of killed writers removed.
public struct PackedObjects: Sendable, Equatable {
    /// The new pack's file name without extension (`pack-<hash>`), nil when there was nothing
    /// to pack.
    public let pack: String?
    public let objects: Int
    /// Loose object files deleted because the new pack holds them.
    public let looseRemoved: Int
    /// Older packs deleted because the new pack holds every object they held.
    public let packsRemoved: Int
    /// libgit2 temporary files (`objects/tmp_object_git2_*`, `objects/pack/pack_git2_*`) left
    /// by killed writers and removed, and their size in bytes.
    public let temporaryFiles: Int
    public let temporaryBytes: Int

    init(_ result: RepackResult, temporaries: RemovedTemporaries) {
        (pack, objects, looseRemoved, packsRemoved) = (result.pack, result.objects, result.looseRemoved,
                                                       result.packsRemoved)
        (temporaryFiles, temporaryBytes) = (temporaries.files, temporaries.bytes)
    }
}
