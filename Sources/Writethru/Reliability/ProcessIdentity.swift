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
        guard let bytes = procFile("/proc/sys/kernel/random/boot_id") else { return nil }
        let id = bytes.prefix { $0 > 0x20 }
        return id.isEmpty ? nil : String(decoding: id, as: UTF8.self)
    }

    /// Field 22 of /proc/PID/stat, read after the command name's closing parenthesis (the name
    /// may hold spaces and parentheses).
    static func startTicks(of pid: Int32) -> UInt64? {
        guard let stat = procFile("/proc/\(pid)/stat"), let close = stat.lastIndex(of: UInt8(ascii: ")")) else {
            return nil
        }
        // After ")": field 3 (state) is the first, so field 22 is the 20th.
        var field = 0
        var value: UInt64 = 0
        var inField = false
        for byte in stat[(close + 1)...] {
            if byte == 0x20 || byte == 0x0A {
                if inField, field == 20 { return value }
                inField = false
                continue
            }
            if !inField {
                inField = true
                field += 1
                value = 0
            }
            if field == 20 {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value &* 10 &+ UInt64(byte - 0x30)
            }
        }
        return inField && field == 20 ? value : nil
    }

    /// A small /proc file read with one `read` (Foundation's file reading costs a writer's
    /// start-up more than the rest of its journal).
    private static func procFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1_024)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return Array(buffer[..<count])
    }
}
