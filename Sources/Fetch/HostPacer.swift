import Foundation

/// Per-host politeness shared by the threads that fetch: at most `perHost` requests in flight to
/// one host, and at least `minimumInterval` seconds between the starts of two requests to it;
/// `hold(host:until:)` pushes a host's next start back (a Retry-After). Hosts are compared
/// case-insensitively. A thread that must wait sleeps on a condition until a release, a hold or
/// the host's next start time; it never spins. Each call is O(1) (a dictionary entry per host
/// seen, kept for the pacer's life).
public final class HostPacer: Sendable {
    private let minimumInterval: Double
    private let perHost: Int
    private let state = State()

    /// `minimumInterval` in seconds (0: no spacing); `perHost` at least 1.
    public init(minimumInterval: Double, perHost: Int) {
        self.minimumInterval = max(0, minimumInterval)
        self.perHost = max(1, perHost)
    }

    /// Blocks until a request to `host` may start, and counts it as in flight: pair it with
    /// `release(host:)`. Returns the instant (monotonic) the pacer let it start: the spacing
    /// holds between these instants, whenever the calling thread next runs.
    @discardableResult
    public func acquire(host: String) -> DispatchTime {
        let key = host.lowercased()
        state.condition.lock()
        defer { state.condition.unlock() }
        while true {
            let clock = DispatchTime.now()
            let now = Self.seconds(clock)
            var entry = state.hosts[key] ?? Host()
            if entry.inFlight < perHost && now >= entry.nextStart {
                entry.inFlight += 1
                entry.lastStart = now
                entry.nextStart = now + max(minimumInterval, entry.interval ?? 0)
                state.hosts[key] = entry
                return clock
            }
            if entry.inFlight >= perHost {
                state.condition.wait()
            } else {
                _ = state.condition.wait(until: Date(timeIntervalSinceNow: entry.nextStart - now))
            }
        }
    }

    /// Ends a request `acquire(host:)` let start.
    public func release(host: String) {
        let key = host.lowercased()
        state.condition.lock()
        if var entry = state.hosts[key], entry.inFlight > 0 {
            entry.inFlight -= 1
            state.hosts[key] = entry
        }
        state.condition.broadcast()
        state.condition.unlock()
    }

    /// No request to `host` starts before `until` (a later hold wins; an earlier one changes nothing).
    public func hold(host: String, until: Date) {
        let key = host.lowercased()
        let start = Self.now() + until.timeIntervalSinceNow
        state.condition.lock()
        var entry = state.hosts[key] ?? Host()
        entry.nextStart = max(entry.nextStart, start)
        state.hosts[key] = entry
        state.condition.broadcast()
        state.condition.unlock()
    }

    /// Spaces the starts of requests to `host` at least `seconds` apart when that is longer than
    /// the pacer's own interval (a robots.txt Crawl-delay).
    public func space(host: String, by seconds: Double) {
        let key = host.lowercased()
        state.condition.lock()
        var entry = state.hosts[key] ?? Host()
        entry.interval = max(0, seconds)
        // The request that came before counts: the next waits `seconds` from its start.
        entry.nextStart = max(entry.nextStart, entry.lastStart + max(minimumInterval, seconds))
        state.hosts[key] = entry
        state.condition.unlock()
    }

    /// Seconds on the monotonic clock, which wall-clock changes do not move.
    private static func now() -> Double {
        seconds(DispatchTime.now())
    }

    private static func seconds(_ time: DispatchTime) -> Double {
        Double(time.uptimeNanoseconds) / 1e9
    }

    private struct Host {
        var inFlight = 0
        /// Monotonic seconds before which no request may start.
        var nextStart = -Double.infinity
        /// This host's own spacing, when longer than `minimumInterval` (nil: none).
        var interval: Double?
        /// Monotonic seconds at which the last request started.
        var lastStart = -Double.infinity
    }

    /// The hosts, read and written only with `condition` locked.
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var hosts: [String: Host] = [:]
    }
}
