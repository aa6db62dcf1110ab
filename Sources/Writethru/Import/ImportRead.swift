import Foundation
import StoryText

/// One part of an import, loaded and read in the background while the part before it is
/// recorded; `wait` gives each input checked, or why it cannot be used (and of a JSON Lines
/// input, each line that cannot be used).
///
/// Background threads (one fewer than the cores) start at once; `wait` has the calling thread
/// take inputs too until none are left. Plain threads, not Dispatch: the recording thread
/// meanwhile spreads its own work over Dispatch's pool, and work queued behind a busy pool
/// was measured to stall for seconds.
final class ImportRead: @unchecked Sendable {
    /// The derived index's furniture generation when reading began (see `RecordingRun.add`).
    let generation: Int
    private let items: [ImportItem]
    private let reading: ReadingOptions
    private let index: DerivedIndex
    /// Guards `next`, `results` and `running`.
    private let condition = NSCondition()
    private var next = 0
    /// Per input: the input checked, or why it cannot be used; a JSON Lines input may also give
    /// its lines that cannot be used, each a failure of its own.
    private var results: [[Result<CheckedInput, WritethruError>]?]
    private var running: Int

    init(_ items: ArraySlice<ImportItem>, reading: ReadingOptions, index: DerivedIndex) {
        generation = index.furnitureGeneration
        self.items = Array(items)
        self.reading = reading
        self.index = index
        results = Array(repeating: nil, count: items.count)
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        running = threads
        for _ in 0..<threads {
            Thread {
                self.work()
                self.condition.withLock {
                    self.running -= 1
                    self.condition.broadcast()
                }
            }.start()
        }
    }

    func wait() -> [Result<CheckedInput, WritethruError>] {
        work()
        return condition.withLock {
            while running > 0 { condition.wait() }
            return results.compactMap { $0 }.flatMap { $0 }
        }
    }

    /// Reads inputs until none is left to take.
    private func work() {
        while true {
            let taken: Int? = condition.withLock {
                guard next < items.count else { return nil }
                next += 1
                return next - 1
            }
            guard let position = taken else { return }
            let item = items[position]
            let result: [Result<CheckedInput, WritethruError>]
            do {
                let record = RecordItem(input: try item.load(), story: item.story, fallbackTime: item.fallbackTime)
                let checked = try Archive.checkKeepingGoodLines(record, reading: reading, furniture: index)
                result = (checked.input.map { [.success($0)] } ?? []) + checked.rejected.map { .failure($0) }
            } catch {
                result = [.failure(error)]
            }
            condition.withLock { results[position] = result }
        }
    }
}
