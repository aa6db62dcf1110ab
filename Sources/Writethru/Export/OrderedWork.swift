import Foundation

/// Independent pieces of work done on several threads and handed back in order: the stories
/// of an export are computed concurrently (each worker with its own archive handles, which
/// are not thread-safe) and written one after the other, in the order of their indices, so
/// the output is the same whatever the threads' timing.
enum OrderedWork {
    /// Runs `produce(index, &state)` for every index in `0..<count` on `workers` threads, each
    /// with its own `State` made on that thread by `makeState`, and calls `consume` on the
    /// calling thread with each result in index order. At most `window` results are computed
    /// ahead of the one being consumed, so memory holds `window` results, not `count`. A
    /// failure of `produce` is thrown when its index comes up (so the first failing index is
    /// the one reported); a failure of `consume` stops the workers after their current piece.
    ///
    /// - Complexity: the pieces' own time divided among the workers; O(window) results held.
    static func run<State, Result: Sendable>(
        count: Int, workers: Int, window: Int,
        makeState: @escaping @Sendable () -> State,
        produce: @escaping @Sendable (Int, inout State) throws(WritethruError) -> Result,
        consume: (Result) throws(WritethruError) -> Void
    ) throws(WritethruError) {
        guard count > 0 else { return }
        let board = Board<Result>(window: max(1, window))
        let threads = max(1, min(workers, count))
        board.condition.withLock { board.running = threads }
        for _ in 0..<threads {
            let thread = Thread {
                var state = makeState()
                while let index = board.take(below: count) {
                    let outcome: Board<Result>.Outcome
                    do throws(WritethruError) {
                        outcome = .success(try produce(index, &state))
                    } catch {
                        outcome = .failure(error)
                    }
                    board.put(outcome, at: index)
                }
                board.condition.withLock {
                    board.running -= 1
                    board.condition.broadcast()
                }
            }
            // The diffs recurse: give the workers the main thread's stack size, not 512 KB.
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer { board.stopAndWait() }
        for index in 0..<count {
            switch board.result(at: index) {
            case .success(let result): try consume(result)
            case .failure(let error): throw error
            }
        }
    }

    /// What the workers and the consumer share, under one condition variable.
    private final class Board<Result: Sendable>: @unchecked Sendable {
        enum Outcome { case success(Result), failure(WritethruError) }

        let condition = NSCondition()
        let window: Int
        var results: [Int: Outcome] = [:]
        /// The next index to hand to a worker.
        var next = 0
        /// The index the consumer waits for.
        var consumed = 0
        var stopped = false
        var running = 0

        init(window: Int) { self.window = window }

        /// The next index to work on, waiting while `window` results are ahead; nil when done.
        func take(below count: Int) -> Int? {
            condition.withLock {
                while !stopped, next < count, next - consumed >= window { condition.wait() }
                guard !stopped, next < count else { return nil }
                next += 1
                return next - 1
            }
        }

        func put(_ outcome: Outcome, at index: Int) {
            condition.withLock {
                results[index] = outcome
                condition.broadcast()
            }
        }

        /// The outcome at `index`, waiting for it; it is removed and the window moves on.
        func result(at index: Int) -> Outcome {
            condition.withLock {
                while results[index] == nil { condition.wait() }
                consumed = index + 1
                condition.broadcast()
                return results.removeValue(forKey: index) ?? .failure(.storage("no result for piece \(index)"))
            }
        }

        /// Tells the workers to stop and waits until each has finished its piece and ended.
        func stopAndWait() {
            condition.withLock {
                stopped = true
                condition.broadcast()
                while running > 0 { condition.wait() }
            }
        }
    }
}
