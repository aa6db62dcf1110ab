import Foundation

/// When a watched URL is next due (docs/capture.md, "The schedule"), from the capture settings
/// in seconds.
public struct CaptureSchedule: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public let changedWithin: Double
        public let every: Double
    }

    public let steps: [Step]
    public let feedEvery: Double
    public let backoff: Double
    public let backoffLimit: Double

    /// The interval for a page whose story last changed at `lastChange` (or, never having
    /// changed, was first watched then), seen at `now`: nil once the age passes the last step.
    /// - Complexity: O(steps).
    public func interval(lastChange: Date, now: Date) -> Double? {
        let age = max(0, now.timeIntervalSince(lastChange))
        return steps.first { age < $0.changedWithin }?.every
    }

    /// When a page fetched at `fetched` is due again; nil: no longer (the schedule ran out).
    public func nextDue(fetched: Date, lastChange: Date) -> Date? {
        interval(lastChange: lastChange, now: fetched).map { fetched.addingTimeInterval($0) }
    }

    /// The wait after `failures` failures in a row (1 or more): `backoff`, doubled each time,
    /// at most `backoffLimit`.
    public func wait(afterFailures failures: Int) -> Double {
        let doublings = Double(min(max(failures - 1, 0), 40))
        return min(backoff * pow(2, doublings), backoffLimit)
    }
}
