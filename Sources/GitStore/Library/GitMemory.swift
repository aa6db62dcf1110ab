internal import CLibGit2

/// How much memory libgit2 may keep, set once for the process (docs/import.md, "Memory").
///
/// libgit2 maps pack files in windows and keeps them mapped up to its limit (8 GB on 64 bits),
/// and a page of a mapped pack once read stays in the process's resident memory: an import
/// that writes a 10 MB pack per 2,500 revisions and reads back each one's commits held every
/// pack it had written (about 4 KB a revision). Windows of `windowSize`, at most `mappedLimit`
/// mapped (least recently used unmapped first), bound that; git uses the same kind of limits
/// on 32-bit machines (32 MB windows, 256 MB). Its cache of commits and trees is bounded by
/// `cacheLimit` (256 MB by default).
enum GitMemory {
    static let windowSize = 16 << 20
    static let mappedLimit = 32 << 20
    static let cacheLimit = 8 << 20

    static func apply() {
        _ = cgit2_set_mwindow_size(windowSize)
        _ = cgit2_set_mwindow_mapped_limit(mappedLimit)
        _ = cgit2_set_cache_max_size(cacheLimit)
    }
}
