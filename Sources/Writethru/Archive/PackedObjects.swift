internal import GitStore

/// What `writethru gc` did: the archive's reachable objects packed into one pack.
public struct PackedObjects: Sendable, Equatable {
    /// The new pack's file name without extension (`pack-<hash>`), nil when there was nothing
    /// to pack.
    public let pack: String?
    public let objects: Int
    /// Loose object files deleted because the new pack holds them.
    public let looseRemoved: Int
    /// Older packs deleted because the new pack holds every object they held.
    public let packsRemoved: Int

    init(_ result: RepackResult) {
        (pack, objects, looseRemoved, packsRemoved) = (result.pack, result.objects, result.looseRemoved,
                                                       result.packsRemoved)
    }
}
