import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `transform` applied to every element on all cores; the results in the order of the
    /// elements. For independent, CPU-bound work such as the comparisons of a story's updates.
    public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = Mutex<[Int: Result]>([:])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = transform(self[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { finished in indices.compactMap { finished[$0] } }
    }
}
