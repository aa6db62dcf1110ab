import StoryText
import Writethru

/// What a hook did, in `record --format json` (`"hook"`, docs/hooks.md): `status` ok, failed,
/// timeout or not-run, the exit status or the signal that ended it, the seconds it ran, and why
/// it is not ok (null when it is).
struct HookJSON: Encodable {
    let status: String
    @Nullable var exitCode: Int?
    @Nullable var signal: Int?
    let seconds: Double
    @Nullable var message: String?

    init(_ outcome: HookOutcome) {
        status = outcome.status.rawValue
        exitCode = outcome.exitCode.map(Int.init)
        signal = outcome.signal.map(Int.init)
        seconds = outcome.seconds
        message = outcome.reason.isEmpty ? nil : outcome.reason
    }
}
