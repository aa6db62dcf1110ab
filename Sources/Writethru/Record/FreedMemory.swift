import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory a written chunk freed back to the system.
///
/// glibc's allocator keeps what a thread frees in that thread's arena for later use, and
/// returns it to the system only from the top of each heap. An import builds each chunk on
/// several threads (reading, then building objects), while what the run keeps across chunks
/// lands between the chunk's allocations: the freed space could not be returned, and resident
/// memory grew from chunk to chunk though live memory did not. glibc's `malloc_trim` releases
/// every free page of every arena.
///
/// Each arena also keeps its own high-water mark: `limitArenas` caps them at one per core
/// (glibc allows eight per core), so the threads of a chunk share fewer of them.
enum FreedMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Option = @convention(c) (Int32, Int32) -> Int32
    /// `malloc_trim` and `mallopt` (declared in malloc.h, which the Glibc module does not bring in).
    private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: Trim.self) }
    private static let option: Option? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt")
        .map { unsafeBitCast($0, to: Option.self) }
    /// malloc.h's `M_ARENA_MAX`.
    private static let arenaMaximum: Int32 = -8
    #endif

    /// Caps glibc's arenas at one per core (at least two), for the threads started from now on.
    static func limitArenas() {
        #if canImport(Glibc)
        _ = option?(arenaMaximum, Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
        #endif
    }

    /// - Complexity: O(free chunks) in every arena: a few milliseconds after a chunk.
    static func release() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
