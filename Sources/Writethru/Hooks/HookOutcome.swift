import Foundation

/// What running a hook came to. Whatever it is, the revision the hook was told about stays
/// recorded (docs/decisions/0039-hooks.md).
public struct HookOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// It exited 0.
        case ok
        /// It exited with another status, or a signal ended it.
        case failed
        /// It ran past its time limit and its process group was killed.
        case timeout
        /// It could not be started: missing, not executable, not a program.
        case notRun = "not-run"
    }

    public let status: Status
    /// Its exit status, when it exited (nil when a signal ended it, or it never ran).
    public let exitCode: Int32?
    /// The signal that ended it, when one did (a timeout's is SIGKILL).
    public let signal: Int32?
    /// From start to end, in seconds, rounded to milliseconds (0 when it never ran).
    public let seconds: Double
    /// Why it is not `ok`, for the warning line ("exited with status 3"); empty when ok.
    public let reason: String

    init(status: Status, exitCode: Int32? = nil, signal: Int32? = nil, seconds: Double = 0, reason: String = "") {
        self.status = status
        self.exitCode = exitCode
        self.signal = signal
        self.seconds = (seconds * 1_000).rounded() / 1_000
        self.reason = reason
    }

    /// A hook that was not started, for `reason` (its event could not be made, say).
    public static func notRun(_ reason: String) -> HookOutcome {
        HookOutcome(status: .notRun, reason: reason)
    }
}
