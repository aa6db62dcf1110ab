import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and kill (SIGTERM) during a long write: the first asks the run to stop at the
/// next revision, after any pack being written is in place and the branches it completes have
/// moved; a second ends the process at once. Either way every story branch points at a whole
/// revision: a branch only moves, by compare-and-swap, to a commit whose objects are stored.
public enum Interruption {
    private static let requested = Atomic<Bool>(false)
    /// When the first signal came, in monotonic nanoseconds: a second one within `repeatWindow`
    /// is the same request delivered twice (coreutils `timeout` signals its child, then the
    /// child's whole process group), not a second Ctrl-C.
    private static let firstAt = Atomic<UInt64>(0)
    static let repeatWindow: UInt64 = 250_000_000

    /// Installs the handlers (only a command that writes in bulk does), and unblocks the two
    /// signals, which a parent may have left blocked (a test runner, some supervisors): the
    /// threads started later inherit the calling thread's mask.
    public static func install() {
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in [SIGINT, SIGTERM] {
            sigaddset(&unblocked, signalNumber)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                // Only async-signal-safe calls here: clock_gettime, atomics, signal, raise.
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                let nanos = UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
                if Interruption.requested.exchange(true, ordering: .relaxed) {
                    guard nanos &- Interruption.firstAt.load(ordering: .relaxed) > Interruption.repeatWindow else { return }
                    signal(received, SIG_DFL)
                    raise(received)
                } else {
                    Interruption.firstAt.store(nanos, ordering: .relaxed)
                }
            }
        }
    }

    public static var isRequested: Bool { requested.load(ordering: .relaxed) }
}
