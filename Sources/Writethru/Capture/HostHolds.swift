import Foundation
import Synchronization

/// The hosts that asked to be left alone (429 or 503 with Retry-After, in this pass or an
/// earlier one), and until when on the clock. A fetching thread skips a held host's URLs
/// instead of waiting: they stay due until the host's time is up, and the pass goes on with
/// the other hosts.
final class HostHolds: Sendable {
    private let holds = Mutex<[String: Date]>([:])

    func hold(_ host: String, until: Date) {
        holds.withLock { held in held[host] = max(held[host] ?? until, until) }
    }

    /// When `host` may be asked again, if that is after `now`.
    func heldUntil(_ host: String, now: Date) -> Date? {
        holds.withLock { held in held[host].flatMap { $0 > now ? $0 : nil } }
    }
}
