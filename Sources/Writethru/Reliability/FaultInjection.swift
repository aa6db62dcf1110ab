import Foundation
import Synchronization
import WritethruSupport

/// Deliberate crashes at named moments, for the crash tests and `make stress` only: with
/// `WRITETHRU_FAULT=<point>:<n>` in the environment, the process kills itself with SIGKILL
/// (no handler, no flush, no clean-up: what a `kill -9` or a power cut leaves) the `n`th time
/// it reaches `<point>`. Unset, each check is one load of a constant. docs/reliability.md.
enum FaultInjection {
    /// Where a writer can be killed.
    enum Point: String, CaseIterable {
        /// Right after a story branch moved, before the derived index learned the revision.
        case afterReferenceMove = "after-ref-move"
        /// Right before a story branch moves (its objects are written).
        case beforeReferenceMove = "before-ref-move"
        /// Right after a pack of a bulk record is in place, before any branch moves.
        case afterPack = "after-pack"
    }

    private struct Plan {
        let point: Point
        let after: Int
    }

    private static let plan: Plan? = {
        guard let value = ProcessEnvironment.value("WRITETHRU_FAULT") else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1)
        guard let name = parts.first, let point = Point(rawValue: String(name)) else { return nil }
        let after = parts.count == 2 ? Int(parts[1]) ?? 1 : 1
        return Plan(point: point, after: max(1, after))
    }()

    private static let reached = Atomic<Int>(0)

    /// Kills the process here when the environment asks for it.
    static func check(_ point: Point) {
        guard let plan, plan.point == point else { return }
        if reached.add(1, ordering: .relaxed).newValue >= plan.after {
            kill(getpid(), SIGKILL)
        }
    }
}
