import Foundation

/// Which process on which machine, well enough to tell later whether it is still running: its
/// id, when it started (clock ticks after boot, from /proc, so a reused id is not mistaken
/// for it) and the boot it ran in.
struct ProcessIdentity: Codable, Equatable, Sendable {
    var pid: Int32
    var host: String
    /// Linux's boot id; nil where /proc has none.
    var boot: String?
    /// The process's start time in clock ticks since boot; nil where /proc has none.
    var start: UInt64?

    static let current = ProcessIdentity(pid: getpid(), host: hostName(), boot: bootID(),
                                         start: startTicks(of: getpid()))

    /// Whether the process is still running: `true` and `false` when this machine can tell,
    /// nil for a process of another host (an archive on a shared disk, which docs/reliability.md
    /// advises against).
    var isRunning: Bool? {
        guard host == Self.current.host else { return nil }
        if let boot, let currentBoot = Self.current.boot, boot != currentBoot { return false }
        if pid == Self.current.pid { return start == Self.current.start }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        if let start, let now = Self.startTicks(of: pid) { return start == now }
        return true
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func bootID() -> String? {
        (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Field 22 of /proc/PID/stat, read after the command name's closing parenthesis (the name
    /// may hold spaces and parentheses).
    static func startTicks(of pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After ")": field 3 (state) is fields[0], so field 22 is fields[19].
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
