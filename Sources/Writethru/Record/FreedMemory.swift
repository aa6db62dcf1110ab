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
enum FreedMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    /// `malloc_trim` (declared in malloc.h, which the Glibc module does not bring in).
    private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: Trim.self) }
    #endif

    /// - Complexity: O(free chunks) in every arena: a few milliseconds after a chunk.
    static func release() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
