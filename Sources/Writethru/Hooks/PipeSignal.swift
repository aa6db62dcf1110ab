import Foundation
import Synchronization

/// SIGPIPE ignored while hooks run: a hook that never reads its input, or closes it early,
/// then makes a write fail with EPIPE instead of ending this process. The handler is the
/// process's, so runs that overlap (a library user running hooks on several threads) share one
/// ignoring: the first to start saves the handler, the last to finish puts it back.
enum PipeSignal {
    private struct State {
        var users = 0
        var saved: __sighandler_t?
    }

    private static let state = Mutex(State())

    /// Runs `body` with SIGPIPE ignored.
    static func ignoring<T>(_ body: () -> T) -> T {
        state.withLock { state in
            if state.users == 0 { state.saved = signal(SIGPIPE, SIG_IGN) }
            state.users += 1
        }
        defer {
            state.withLock { state in
                state.users -= 1
                if state.users == 0 { signal(SIGPIPE, state.saved) }
            }
        }
        return body()
    }
}
