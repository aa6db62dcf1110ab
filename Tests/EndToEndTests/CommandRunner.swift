import Foundation
import TestSupport
import Testing

/// What one run of a command printed and returned.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
    let stdoutBytes: [UInt8]
}

/// Runs the real `writethru` executable (built next to the test bundle) and other tools.
enum CommandRunner {
    static var writethru: String {
        if let override = ProcessInfo.processInfo.environment["WRITETHRU_BIN"] { return override }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("writethru").path
    }

    /// The environment every run gets: a fixed recording time, so commit ids are the same on
    /// every run, and no inherited archive or colour settings.
    static let baseEnvironment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        env["WRITETHRU_RECORDED_AT"] = "2026-01-15T09:30:00Z"
        env.removeValue(forKey: "WRITETHRU_ARCHIVE")
        return env
    }()

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    stdin: [UInt8]? = nil, directory: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = baseEnvironment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData.value, as: UTF8.self),
                             stdoutBytes: Array(outData))
    }

    static func writethru(_ arguments: [String], environment: [String: String] = [:],
                          stdin: [UInt8]? = nil) throws -> CommandResult {
        try run(writethru, arguments, environment: environment, stdin: stdin)
    }

    static func git(_ arguments: [String]) throws -> CommandResult {
        try run("/usr/bin/env", ["git"] + arguments)
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

/// A temporary directory holding an archive path (not yet created) and scratch files.
final class Workspace: Sendable {
    let directory: String
    var archive: String { directory + "/archive.git" }

    init() throws {
        directory = NSTemporaryDirectory() + "writethru-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Runs writethru against this workspace's archive.
    func writethru(_ arguments: [String], stdin: [UInt8]? = nil) throws -> CommandResult {
        try CommandRunner.writethru(arguments + ["--archive", archive], stdin: stdin)
    }

    func git(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.git(["--git-dir", archive] + arguments)
    }

    /// Starts `writethru ARGUMENTS` in the background with its output on pipes, and returns once
    /// its first story branch exists (or it ended): the moment to signal a bulk writer whose
    /// first pack is in place while the rest is still read or written.
    func startAndWaitForFirstBranch(_ arguments: [String]) throws -> (process: Process, stdout: Pipe, stderr: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.writethru)
        process.arguments = arguments + ["--archive", archive]
        process.environment = CommandRunner.baseEnvironment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let branches = archive + "/refs/heads/stories"
        for _ in 0..<60_000 where process.isRunning {
            if !((try? FileManager.default.contentsOfDirectory(atPath: branches)) ?? []).isEmpty { break }
            usleep(1_000)
        }
        return (process, stdout, stderr)
    }

    /// Every file under the archive, to prove that a failed command wrote nothing.
    func snapshot() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: archive)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String { files.append(next) }
        return files.sorted()
    }

    /// An archive holding the seed chain, recorded version by version from the repository root.
    static func withSeedChain() throws -> Workspace {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        for path in Fixtures.chain {
            let arguments = ["record", "--archive", workspace.archive, "--story", "us-china-alaska-talks", path]
            let result = try CommandRunner.run(CommandRunner.writethru, arguments, directory: Fixtures.root.path)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return workspace
    }

    /// Commits an edited writethru.json to the archive's main branch from a clone, as an editor
    /// would: `edit` changes the settings, decoded as JSON.
    func changeSettings(_ message: String, _ edit: (inout [String: Any]) -> Void) throws {
        let clone = directory + "/settings-clone"
        #expect(try CommandRunner.git(["clone", "-q", archive, clone]).status == 0)
        let url = URL(fileURLWithPath: clone + "/writethru.json")
        var settings = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        edit(&settings)
        try JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        let commit = try CommandRunner.git(["-C", clone, "-c", "user.name=Desk", "-c", "user.email=desk@example.com",
                                            "commit", "-q", "-am", message])
        #expect(commit.status == 0, "\(commit.stderr)")
        let push = try CommandRunner.git(["-C", clone, "push", "-q", "origin", "HEAD:main"])
        #expect(push.status == 0, "\(push.stderr)")
        try FileManager.default.removeItem(atPath: clone)
    }
}

/// Compares output with a file under Tests/EndToEndTests/Expected/. With
/// WRITETHRU_UPDATE_EXPECTED=1 in the environment, writes the file instead (then review the
/// change with git diff before committing it).
func expectMatches(_ actual: String, expected name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected/" + name)
    if ProcessInfo.processInfo.environment["WRITETHRU_UPDATE_EXPECTED"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "output differs from Expected/\(name)", sourceLocation: sourceLocation)
}
