import Foundation
import Testing
@testable import Writethru

/// `HookProcess` in this process: an input larger than a pipe holds reaches a hook that reads
/// it whole, and a hook that never reads it, or closes it at once, costs a failed write, not
/// this process (SIGPIPE would end the test runner); the time limit holds.
/// Serialized: the SIGPIPE handler is the process's.
@Suite(.serialized) struct HookProcessTests {
    /// A sh script in a fresh temporary folder, and the folder.
    static func script(_ body: String) throws -> (path: String, folder: String) {
        let folder = NSTemporaryDirectory() + "writethru-hook-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/hook"
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return (path, folder)
    }

    static func hook(_ path: String, timeout: Double = 10) -> Hook {
        Hook(name: "post-record", path: path, source: .archiveConfig, timeout: timeout)
    }

    /// 4 MiB: many times what a pipe buffers.
    static let input = [UInt8]((0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251) })

    @Test func aLargeInputArrivesWhole() throws {
        let (path, folder) = try Self.script(#"cat > "$(dirname "$0")/received"; echo "$WRITETHRU_STORY" > "$(dirname "$0")/story""#)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = Self.hook(path).run(input: Self.input, variables: ["WRITETHRU_STORY": "a-story"])
        #expect(outcome.status == .ok)
        #expect(outcome.exitCode == 0)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/received"))) == Self.input)
        #expect(try String(contentsOfFile: folder + "/story", encoding: .utf8) == "a-story\n")
    }

    @Test(arguments: ["exit 0", "exec 0<&-\nsleep 0.2", "head -c 10 >/dev/null\nexit 4"])
    func aHookThatStopsReadingCostsAFailedWrite(body: String) throws {
        let (path, folder) = try Self.script(body)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The test runner leaves SIGPIPE at its default, which ends a process writing to a
        // closed pipe: this test would not finish if the hook's runner let it through.
        #expect(Self.pipeHandler() == 0)
        let outcome = Self.hook(path).run(input: Self.input, variables: [:])
        #expect(outcome.status == (body.hasSuffix("exit 4") ? .failed : .ok))
        #expect(outcome.exitCode == (body.hasSuffix("exit 4") ? 4 : 0))
        // And it is the default again afterwards.
        #expect(Self.pipeHandler() == 0)
    }

    /// This process's SIGPIPE handler as a number (0: the default).
    static func pipeHandler() -> Int {
        let current = signal(SIGPIPE, SIG_IGN)
        signal(SIGPIPE, current)
        return current.map { unsafeBitCast($0, to: Int.self) } ?? 0
    }

    @Test func theTimeLimitKillsTheHook() throws {
        let (path, folder) = try Self.script("sleep 10")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = Date()
        let outcome = Self.hook(path, timeout: 0.3).run(input: Self.input, variables: [:])
        let seconds = Date().timeIntervalSince(started)
        #expect(outcome.status == .timeout)
        #expect(outcome.signal == SIGKILL)
        #expect(outcome.exitCode == nil)
        #expect(outcome.seconds >= 0.3 && seconds < 3, "\(seconds) s")
        #expect(outcome.reason == "ran longer than 0.3 s: its process group was killed")
    }

    @Test(arguments: [("missing", "cannot be found: No such file or directory"),
                      ("folder", "is not a file"), ("plain", "is not executable (chmod +x it)"),
                      ("no-shebang", "is not a program the system can start (a script needs a #! line)")])
    func aHookThatCannotStartIsNotRun(kind: String, reason: String) throws {
        let (path, folder) = try Self.script("exit 0")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target: String
        switch kind {
        case "missing": target = folder + "/nothing"
        case "folder": target = folder
        case "plain":
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            target = path
        default:
            try Data("exit 0\n".utf8).write(to: URL(fileURLWithPath: path))
            target = path
        }
        let outcome = Self.hook(target).run(input: [1, 2, 3], variables: [:])
        #expect(outcome.status == .notRun)
        #expect(outcome.reason == reason)
        #expect(outcome.exitCode == nil && outcome.seconds == 0)
    }
}
