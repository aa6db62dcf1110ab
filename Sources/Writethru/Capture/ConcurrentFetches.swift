import Foundation

/// Runs `perform` on each job on up to `workers` threads and hands each result, as it comes,
/// to `handle` on the calling thread (which records: an archive is used from one thread).
/// At most `2 * workers` results wait at once, so memory stays flat however many jobs there are.
/// - Complexity: O(jobs) calls of `perform`, `workers` threads.
func concurrentFetches<Job: Sendable, Result: Sendable>(
    _ jobs: [Job], workers: Int, perform: @escaping @Sendable (Job) -> Result,
    handle: (Result) throws(WritethruError) -> Void
) throws(WritethruError) {
    guard !jobs.isEmpty else { return }
    let channel = BoundedChannel<Result>(capacity: 2 * max(1, workers))
    let queue = JobQueue(jobs)
    let count = min(max(1, workers), jobs.count)
    let group = DispatchGroup()
    for _ in 0..<count {
        group.enter()
        let thread = Thread {
            while let job = queue.next() { channel.send(perform(job)) }
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    var failure: WritethruError?
    var received = 0
    // Until a failure every job is received; after one, only the jobs already taken (the
    // queue hands out no more), so every running thread can send its result and finish.
    while received < (failure == nil ? jobs.count : queue.taken) {
        let result = channel.receive()
        received += 1
        guard failure == nil else { continue }
        do {
            try handle(result)
        } catch {
            failure = error
            queue.stop()
        }
    }
    group.wait()
    if let failure { throw failure }
}

/// The jobs left, taken one at a time by the fetching threads.
private final class JobQueue<Job: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [Job]
    private var handedOut = 0
    private var stopped = false

    init(_ jobs: [Job]) { self.jobs = jobs }

    /// The next job, or nil when none is left or the queue was stopped.
    func next() -> Job? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, handedOut < jobs.count else { return nil }
        defer { handedOut += 1 }
        return jobs[handedOut]
    }

    /// How many jobs were handed out; final once `stop()` returned.
    var taken: Int {
        lock.lock()
        defer { lock.unlock() }
        return handedOut
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}
