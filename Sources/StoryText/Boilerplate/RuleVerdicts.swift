import Synchronization

/// A bounded, thread-safe memo of paragraph -> index of the first matching rule (-1: none).
final class RuleVerdicts: Sendable {
    static let capacity = 100_000
    private let table = Mutex<[String: Int]>([:])

    func verdict(for paragraph: String, compute: () -> Int) -> Int {
        if let known = table.withLock({ $0[paragraph] }) { return known }
        let computed = compute()
        table.withLock { table in
            if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            table[paragraph] = computed
        }
        return computed
    }
}
