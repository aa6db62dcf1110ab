import Synchronization

/// A bounded, thread-safe memo of paragraph -> index of the first matching rule (-1: none).
/// Bounded both by paragraphs and by their bytes: a long-running process (an import of a
/// million pages, `watch run`, a fuzzer) reading many long distinct paragraphs would otherwise
/// keep each one until the count bound clears the memo.
final class RuleVerdicts: Sendable {
    static let capacity = 100_000
    /// The paragraphs' UTF-8 bytes the memo holds at most before it starts again.
    static let byteCapacity = 16 << 20

    private struct Memo {
        var table: [ByteKey: Int] = [:]
        var bytes = 0
    }

    private let memo = Mutex(Memo())

    func verdict(for paragraph: String, compute: () -> Int) -> Int {
        let key = ByteKey(paragraph)
        if let known = memo.withLock({ $0.table[key] }) { return known }
        let computed = compute()
        let size = paragraph.utf8.count
        memo.withLock { memo in
            if memo.table.count >= Self.capacity || memo.bytes + size > Self.byteCapacity {
                memo.table.removeAll(keepingCapacity: memo.table.count < Self.capacity)
                memo.bytes = 0
            }
            // A paragraph larger than the whole budget is never kept.
            guard size <= Self.byteCapacity else { return }
            if memo.table.updateValue(computed, forKey: key) == nil { memo.bytes += size }
        }
        return computed
    }

    /// What the memo holds: paragraphs and their bytes (for tests).
    var held: (paragraphs: Int, bytes: Int) { memo.withLock { ($0.table.count, $0.bytes) } }
}
