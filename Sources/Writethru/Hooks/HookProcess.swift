import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a hook program and watches it (docs/hooks.md, "The contract").
///
/// The program is started with `posix_spawn` in a process group of its own, with its
/// standard input a pipe that receives the event and its standard output and standard error a
/// second pipe that this process copies to its own standard error, so nothing a hook prints
/// can reach the command's standard output; no other descriptor is passed on. It is waited for until it exits or its time limit
/// passes; then its whole process group is killed (SIGKILL). What it leaves behind cannot hold
/// the command: only the program itself is waited for, and its output is copied only until it
/// has exited (a background child still holding the pipe is not waited for). SIGPIPE is ignored
/// while a hook runs (`PipeSignal`), so a hook that never reads its input, or closes it early,
/// costs a failed write, not the process.
enum HookProcess {
    /// How often the program is checked while it runs, in milliseconds.
    static let pollInterval: Int32 = 10
    /// The most of a hook's output copied at a time (so that a hook printing without pause is
    /// still checked against its time limit), and of what a finished hook printed last: 1 MiB.
    static let drainLimit = 1 << 20

    /// Starts `hook` with `input` on its standard input and `variables` added to this process's
    /// environment, and waits for it as described above.
    /// - Complexity: O(input + output) bytes copied; the caller waits at most the hook's timeout
    ///   (plus the few milliseconds of killing it).
    static func run(_ hook: Hook, input: [UInt8], variables: [String: String]) -> HookOutcome {
        if let reason = unusable(hook.path) { return HookOutcome(status: .notRun, reason: reason) }
        // After Ctrl-C or SIGTERM, no new hook is started (one running when it came is killed).
        if Interruption.isRequested { return HookOutcome(status: .notRun, reason: "was not run: interrupted") }
        return PipeSignal.ignoring { started(hook, input: input, variables: variables) }
    }

    /// `run` once the program looks runnable, with SIGPIPE ignored.
    private static func started(_ hook: Hook, input: [UInt8], variables: [String: String]) -> HookOutcome {
        guard let stdin = makePipe(keeping: 1) else { return HookOutcome(status: .notRun, reason: "no pipe: " + errorText()) }
        guard let output = makePipe(keeping: 0) else {
            close(stdin.read)
            close(stdin.write)
            return HookOutcome(status: .notRun, reason: "no pipe: " + errorText())
        }
        let spawned = spawn(hook.path, stdin: stdin.read, output: output.write, variables: variables)
        close(stdin.read)
        close(output.write)
        guard case .success(let pid) = spawned else {
            close(stdin.write)
            close(output.read)
            if case .failure(let code) = spawned { return HookOutcome(status: .notRun, reason: spawnFailure(code)) }
            return HookOutcome(status: .notRun)
        }
        return watch(pid, timeout: hook.timeout, input: input, stdin: stdin.write, output: output.read)
    }

    /// Why `path` cannot be run ("is not executable"), or nil when it looks runnable.
    static func unusable(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot be found: " + errorText() }
        guard info.st_mode & S_IFMT == S_IFREG else { return "is not a file" }
        guard access(path, X_OK) == 0 else { return "is not executable (chmod +x it)" }
        return nil
    }

    /// Copies the input in and the output out until the program exits or its time is up.
    private static func watch(_ pid: pid_t, timeout: Double, input: [UInt8], stdin: Int32,
                              output: Int32) -> HookOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int64((timeout * 1_000).rounded()))
        var stdin: Int32? = stdin
        var output: Int32? = output
        var written = 0
        if input.isEmpty, let open = stdin {
            close(open)
            stdin = nil
        }
        var status: Int32 = 0
        var ended: HookOutcome.Status?
        var reason = ""
        while true {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            if clock.now >= deadline || Interruption.isRequested {
                ended = clock.now >= deadline ? .timeout : .failed
                reason = clock.now >= deadline
                    ? "ran longer than \(seconds(timeout)) s: its process group was killed"
                    : "stopped by an interruption: its process group was killed"
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                break
            }
            var watched: [pollfd] = []
            if let output { watched.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
            if let stdin { watched.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            _ = poll(&watched, nfds_t(watched.count), pollInterval)
            for polled in watched where polled.revents != 0 {
                if polled.fd == output {
                    if !forward(polled.fd, limit: drainLimit) {
                        close(polled.fd)
                        output = nil
                    }
                } else if let open = stdin {
                    let count = input.count - written
                    let sent = input.withUnsafeBytes { write(open, $0.baseAddress.map { $0 + written }, count) }
                    if sent > 0 { written += sent }
                    // Written whole, or the hook closed its end (EPIPE, SIGPIPE being ignored).
                    if written == input.count || (sent < 0 && errno != EAGAIN && errno != EINTR) {
                        close(open)
                        stdin = nil
                    }
                }
            }
        }
        if let stdin { close(stdin) }
        if let output {
            // What it printed before it exited; a background child may keep the pipe open.
            if ended == nil { _ = forward(output, limit: drainLimit) }
            close(output)
        }
        let elapsed = start.duration(to: clock.now)
        let taken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if let ended { return HookOutcome(status: ended, signal: SIGKILL, seconds: taken, reason: reason) }
        // The wait status: low 7 bits the signal that ended it (0: it exited), then the exit status.
        let signalNumber = status & 0x7f
        guard signalNumber == 0 else {
            return HookOutcome(status: .failed, signal: signalNumber, seconds: taken,
                               reason: "was ended by signal \(signalNumber)")
        }
        let code = (status >> 8) & 0xff
        return HookOutcome(status: code == 0 ? .ok : .failed, exitCode: code, seconds: taken,
                           reason: code == 0 ? "" : "exited with status \(code)")
    }

    /// Copies what can be read from `fd` now to standard error, up to `limit` bytes; false at
    /// the end of the pipe (or an error), true when more may come.
    private static func forward(_ fd: Int32, limit: Int) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var copied = 0
        while copied < limit {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return false }
            if count < 0 { return errno == EAGAIN || errno == EINTR }
            copied += count
            var offset = 0
            while offset < count {
                let sent = buffer.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress.map { $0 + offset }, count - offset) }
                if sent <= 0 { break }
                offset += sent
            }
        }
        return true
    }

    /// Starts the program in a new process group, with default signal handling and no blocked
    /// signals, `stdin` as its standard input and `output` as its standard output and error.
    private static func spawn(_ path: String, stdin: Int32, output: Int32,
                              variables: [String: String]) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output, STDERR_FILENO)
        // Nothing else this process holds open: not the archive's files, nor descriptors it
        // inherited without close-on-exec (a caller's pipe a background child would keep open).
        closeTheRest(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var environment = ProcessInfo.processInfo.environment
        environment.merge(variables) { $1 }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }
            .map { strdup($0.key + "=" + $0.value) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        return code == 0 ? .success(pid) : .failure(SpawnError(code: code))
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34), which Swift's Glibc module
    /// does not declare.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    private static let closeFrom: CloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: CloseFrom.self) }

    /// Has the child close every descriptor from 3 on; without `closeFrom`, marks this
    /// process's descriptors from 3 on close-on-exec instead (harmless to it: it runs no other
    /// program).
    private static func closeTheRest(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom, closeFrom(&actions, 3) == 0 { return }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd >= 3 {
            _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
        }
    }

    /// An errno from `posix_spawn`.
    struct SpawnError: Error {
        let code: Int32
    }

    private static func spawnFailure(_ error: SpawnError) -> String {
        error.code == ENOEXEC
            ? "is not a program the system can start (a script needs a #! line)"
            : "could not be started: " + String(cString: strerror(error.code))
    }

    /// A pipe whose two ends close on exec (the child gets its copies by dup2), with the end
    /// this process keeps (`keeping` 0: the read end, 1: the write end) non-blocking; the
    /// child's end stays blocking, as a program expects of its standard streams. Nil when the
    /// system has no descriptor left.
    private static func makePipe(keeping kept: Int) -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[kept], F_SETFL, fcntl(ends[kept], F_GETFL) | O_NONBLOCK)
        return (ends[0], ends[1])
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    /// "1", "2.5": a number of seconds as the settings give it.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
