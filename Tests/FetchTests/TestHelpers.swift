import Fetch
import Foundation

// What several Fetch test suites share: threads, values written by many threads, a Result's failure.

/// Runs `body(0..<count)` on `count` threads of their own, all at once, and waits for them
/// (DispatchQueue.concurrentPerform runs only as many at once as there are cores).
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchGroup()
    for index in 0..<count {
        done.enter()
        Thread {
            body(index)
            done.leave()
        }.start()
    }
    done.wait()
}

/// A value shared by the threads of one test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// Counts and times shared by the threads of one test.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var highest = 0
    private var recorded: [Double] = []

    func enter() {
        lock.withLock {
            current += 1
            highest = max(highest, current)
        }
    }

    func leave() {
        lock.withLock { current -= 1 }
    }

    func record(_ value: Double) {
        lock.withLock { recorded.append(value) }
    }

    var peak: Int { lock.withLock { highest } }
    var values: [Double] { lock.withLock { recorded } }
    var value: Double { values.last ?? -1 }
}

extension Result {
    /// The failure, or nil for a success.
    var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
