import Foundation
import TestSupport
import Testing

/// The post-record hook (docs/hooks.md): its event on standard input and its environment, run
/// once per recorded revision and never for an unchanged one; a hook that fails, hangs, leaves a
/// child behind, cannot be started or never reads its input leaves the record standing, exit 0.
@Suite struct HookTests {
    static let story = "us-china-alaska-talks"

    /// An archive whose `hooks/post-record` is `body` (a sh script, executable unless told
    /// otherwise); the script's files go to `workspace.directory + "/out"`.
    static func archive(hook body: String, executable: Bool = true) throws -> Workspace {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        try FileManager.default.createDirectory(atPath: workspace.directory + "/out", withIntermediateDirectories: true)
        try install(body, in: workspace, executable: executable)
        return workspace
    }

    static func install(_ body: String, in workspace: Workspace, executable: Bool = true,
                        at path: String = "hooks/post-record") throws {
        let file = workspace.archive + "/" + path
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: file)
    }

    /// Saves the event and the WRITETHRU_ variables by version, and notes the order of the runs.
    static let saving = """
        out="$(dirname "$0")/../../out"
        cat > "$out/event-$WRITETHRU_VERSION.json"
        env | grep -E '^WRITETHRU_(HOOK|ARCHIVE|STORY|VERSION|COMMIT)=' | sort > "$out/env-$WRITETHRU_VERSION.txt"
        echo "$WRITETHRU_STORY $WRITETHRU_VERSION" >> "$out/order.txt"
        echo "HOOK STDOUT"
        echo "HOOK STDERR" >&2
        """

    static func seedPath(_ number: Int) -> String {
        Fixtures.root.appendingPathComponent(Fixtures.chain[number - 1]).path
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    static func event(_ workspace: Workspace, version: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: workspace.directory + "/out/event-\(version).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func outFiles(_ workspace: Workspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace.directory + "/out").sorted()
    }

    /// The hooks of `record --format json`'s outcomes.
    static func hooks(_ stdout: String) throws -> [[String: Any]?] {
        let outcomes = try #require(try json(stdout) as? [[String: Any]])
        return outcomes.map { $0["hook"] as? [String: Any] }
    }

    @Test func theSeedChainGivesOneEventPerVersion() throws {
        let workspace = try Self.archive(hook: Self.saving)
        let result = try workspace.writethru(["record", "--story", Self.story, "--format", "json"]
                                                 + (1...5).map(Self.seedPath))
        #expect(result.status == 0, "\(result.stderr)")
        // The hook's output goes to stderr, never into record's JSON.
        #expect(!result.stdout.contains("HOOK"))
        #expect(result.stderr.components(separatedBy: "HOOK STDOUT\n").count == 6)
        #expect(result.stderr.components(separatedBy: "HOOK STDERR\n").count == 6)
        #expect(!result.stderr.contains("warning"))
        #expect(try Self.hooks(result.stdout).map { $0?["status"] as? String } == Array(repeating: "ok", count: 5))
        #expect(try Self.hooks(result.stdout).map { $0?["exitCode"] as? Int } == Array(repeating: 0, count: 5))

        let log = try #require(try Self.json(try workspace.writethru(["log", Self.story, "--format", "json"]).stdout)
                                   as? [String: Any])
        let commits = try #require(log["versions"] as? [[String: Any]]).compactMap { $0["commit"] as? String }
        #expect(commits.count == 5)
        let titles = [
            "v1: Top U.S., China diplomats to meet in Alaska next week",
            "UPDATE 1: adds 3 claims; removes 1 claim; 4 other changes",
            "UPDATE 2: March 19 → March 18; new headline; adds 8 claims; 1 undeclared",
            "UPDATE 3: as many as 1 million Uighurs → more than a million Uighurs; new headline; adds 5 claims",
            "UPDATE 4: said → confirmed; adds 1 claim; 4 other changes",
        ]
        let tags: [String?] = [nil, "UPDATE 1", "UPDATE 2", "UPDATE 3", "UPDATE 4"]
        for version in 1...5 {
            let text = try String(contentsOfFile: workspace.directory + "/out/event-\(version).json", encoding: .utf8)
            #expect(try SchemaCheck.problems(in: text, schema: "event") == [], "event \(version)")
            let event = try Self.event(workspace, version: version)
            #expect(event["schema"] as? String == "writethru.event/1")
            #expect(event["event"] as? String == "post-record")
            #expect(event["archive"] as? String == workspace.archive)
            #expect(event["file"] as? String == Self.seedPath(version))
            #expect(event["match"] as? String == "option")
            let update = try #require(event["update"] as? [String: Any])
            #expect(update["story"] as? String == Self.story)
            #expect(update["version"] as? Int == version)
            #expect(update["tag"] as? String == tags[version - 1])
            #expect(update["title"] as? String == titles[version - 1])
            #expect(update["commit"] as? String == commits[version - 1])
            let changes = try #require(update["changes"] as? [[String: Any]])
            #expect(changes.count == (version == 1 ? 0 : 5))
            #expect((update["audit"] is NSNull) == (version == 1))
            let environment = try String(contentsOfFile: workspace.directory + "/out/env-\(version).txt", encoding: .utf8)
            #expect(environment == """
                WRITETHRU_ARCHIVE=\(workspace.archive)
                WRITETHRU_COMMIT=\(commits[version - 1])
                WRITETHRU_HOOK=post-record
                WRITETHRU_STORY=\(Self.story)
                WRITETHRU_VERSION=\(version)

                """)
        }
        // UPDATE 2 changed a date its advisory line does not mention: the event says so.
        let update = try #require(try Self.event(workspace, version: 3)["update"] as? [String: Any])
        let audit = try #require(update["audit"] as? [String: Any])
        let undeclared = try #require(audit["undeclared"] as? [[String: Any]])
        #expect(undeclared.map { $0["kind"] as? String } == ["date-changed"])
        #expect(update["previousHeadline"] as? String == "Top U.S., China diplomats to meet in Alaska next week")
        // The whole event, byte for byte, with the archive's temporary path written ARCHIVE.
        let bytes = try String(contentsOfFile: workspace.directory + "/out/event-3.json", encoding: .utf8)
        try expectMatches(bytes.replacingOccurrences(of: workspace.archive, with: "ARCHIVE")
                              .replacingOccurrences(of: Fixtures.root.path, with: "ROOT"),
                          expected: "hook-event-update-2.json")
        let order = try String(contentsOfFile: workspace.directory + "/out/order.txt", encoding: .utf8)
        #expect(order == (1...5).map { "\(Self.story) \($0)\n" }.joined())
    }

    @Test func anUnchangedRecordRunsNoHook() throws {
        let workspace = try Self.archive(hook: Self.saving)
        #expect(try workspace.writethru(["record", "--story", Self.story, Self.seedPath(1)]).status == 0)
        let before = try Self.outFiles(workspace)
        #expect(before == ["env-1.txt", "event-1.json", "order.txt"])
        let again = try workspace.writethru(["record", "--story", Self.story, Self.seedPath(1), "--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("\"status\": \"unchanged\""))
        #expect(try Self.hooks(again.stdout).count == 1)
        #expect(try Self.hooks(again.stdout)[0] == nil)
        #expect(again.stdout.contains("\"hook\": null"))
        #expect(again.stderr.isEmpty)
        #expect(try Self.outFiles(workspace) == before)
    }

    @Test func aFailingHookLeavesTheRecordStanding() throws {
        let workspace = try Self.archive(hook: "echo 'cannot reach the desk' >&2\nexit 3")
        let result = try workspace.writethru(["record", "--story", Self.story, Self.seedPath(1), "--format", "json"])
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("writethru: ") }
        #expect(warnings == ["writethru: warning: hook post-record \(workspace.archive)/hooks/post-record exited with "
                                + "status 3 (\(Self.story) v1 is recorded all the same)"])
        #expect(result.stderr.contains("cannot reach the desk\n"))
        let hook = try #require(try Self.hooks(result.stdout)[0])
        #expect(hook["status"] as? String == "failed")
        #expect(hook["exitCode"] as? Int == 3)
        #expect(hook["message"] as? String == "exited with status 3")
        let log = try workspace.writethru(["log", Self.story])
        #expect(log.status == 0)
        #expect(log.stdout.hasPrefix("1  -  "))
    }

    /// A hook that outlives its time limit is killed with everything it started, and the
    /// command returns about when the limit passes; a path in the archive's own git config
    /// names the hook, and the time limit is the shared setting.
    @Test func aSlowHookIsKilledAtItsTimeout() throws {
        let workspace = try Self.archive(hook: "exit 0")
        try FileManager.default.removeItem(atPath: workspace.archive + "/hooks/post-record")
        try Self.install("""
            sleep 30 &
            echo $! > "$(dirname "$0")/../../out/child.pid"
            sleep 30
            """, in: workspace, at: "desk/slow-hook")
        // `desk/slow-hook` is relative to the archive's folder.
        let set = try CommandRunner.git(["config", "--file", workspace.archive + "/config", "writethru.postRecordHook",
                                         "desk/slow-hook"])
        #expect(set.status == 0, "\(set.stderr)")
        try workspace.changeSettings("A slow hook") { $0["hooks"] = ["timeoutSeconds": 1] }
        let started = Date()
        let result = try workspace.writethru(["record", "--story", Self.story, Self.seedPath(1), "--format", "json"])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(seconds >= 1 && seconds < 5, "record took \(seconds) s")
        let hook = try #require(try Self.hooks(result.stdout)[0])
        #expect(hook["status"] as? String == "timeout")
        #expect(hook["signal"] as? Int == 9)
        #expect(try #require(hook["seconds"] as? Double) >= 1)
        #expect(result.stderr.contains("writethru: warning: hook post-record \(workspace.archive)/desk/slow-hook ran longer "
                                           + "than 1 s: its process group was killed"))
        #expect(try workspace.writethru(["log", Self.story]).stdout.hasPrefix("1  -  "))
        // The background `sleep` went with it (gone, or a zombie nobody reaped yet).
        let pid = try String(contentsOfFile: workspace.directory + "/out/child.pid", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var state = "gone"
        for _ in 0..<100 {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            state = stat.isEmpty ? "gone" : String(stat.split(separator: ")").last?.split(separator: " ").first ?? "?")
            if state == "gone" || state == "Z" { break }
            usleep(10_000)
        }
        #expect(state == "gone" || state == "Z", "the hook's background child is still running (\(state))")
    }

    /// The shared settings travel with `clone`, so a program they name never runs: only the
    /// archive's own folder and git config can name one (docs/hooks.md). Before, a
    /// `hooks.postRecord` in writethru.json ran.
    @Test func aProgramNamedInTheSharedSettingsNeverRuns() throws {
        let workspace = try Self.archive(hook: "exit 0")
        try FileManager.default.removeItem(atPath: workspace.archive + "/hooks/post-record")
        try Self.install(Self.saving, in: workspace, at: "desk/notify")
        try workspace.changeSettings("A hook in the shared settings") {
            $0["hooks"] = ["postRecord": workspace.archive + "/desk/notify", "timeoutSeconds": 1]
        }
        let result = try workspace.writethru(["record", "--story", Self.story, Self.seedPath(1), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.hooks(result.stdout).count == 1)
        #expect(try Self.hooks(result.stdout)[0] == nil)
        #expect(try Self.outFiles(workspace).isEmpty)
        #expect(!result.stderr.contains("hook"))
    }

    /// A background child that keeps the hook's output pipe open does not hold the command: it
    /// returns when the hook itself exits.
    @Test func aBackgroundChildDoesNotHoldTheCommand() throws {
        let workspace = try Self.archive(hook: "(sleep 20; echo late) &\necho done")
        let started = Date()
        let result = try workspace.writethru(["record", "--story", Self.story, Self.seedPath(1), "--format", "json"])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0)
        #expect(seconds < 5, "record took \(seconds) s")
        #expect(try Self.hooks(result.stdout)[0]?["status"] as? String == "ok")
        #expect(result.stderr == "done\n")
    }

    /// Hooks that never read their input, or close it at once, cost a failed write, never the
    /// process (SIGPIPE).
    @Test(arguments: ["exit 0", "exec 0<&-\nsleep 0.05", "kill -9 $$"])
    func aHookThatDropsItsInputCannotKillTheCommand(body: String) throws {
        let workspace = try Self.archive(hook: body)
        let result = try workspace.writethru(["record", "--story", Self.story, "--format", "json"] + (1...5).map(Self.seedPath))
        #expect(result.status == 0, "\(result.stderr)")
        let statuses = try Self.hooks(result.stdout).map { $0?["status"] as? String }
        #expect(statuses == Array(repeating: body.hasPrefix("kill") ? "failed" : "ok", count: 5))
        #expect(try workspace.writethru(["log", Self.story]).stdout.split(separator: "\n").count == 5)
    }

    @Test func aHookThatIsNotExecutableIsOneWarning() throws {
        let workspace = try Self.archive(hook: Self.saving, executable: false)
        let result = try workspace.writethru(["record", "--story", Self.story, "--format", "json"] + (1...2).map(Self.seedPath))
        #expect(result.status == 0)
        #expect(result.stderr == "writethru: warning: hook post-record \(workspace.archive)/hooks/post-record is not "
                    + "executable (chmod +x it) (\(Self.story) v1 is recorded all the same)\n")
        let hooks = try Self.hooks(result.stdout)
        #expect(hooks.map { $0?["status"] as? String } == ["not-run", "not-run"])
        #expect(hooks.allSatisfy { $0?["exitCode"] is NSNull })
        #expect(try Self.outFiles(workspace).isEmpty)
        #expect(try workspace.writethru(["log", Self.story]).stdout.split(separator: "\n").count == 2)
    }

    @Test func importRunsHooksOnlyWhenAsked() throws {
        let captures = try Workspace()
        let folder = captures.directory + "/" + Self.story
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for version in 1...5 {
            try FileManager.default.copyItem(atPath: Self.seedPath(version),
                                             toPath: folder + "/" + URL(fileURLWithPath: Self.seedPath(version)).lastPathComponent)
        }
        let quiet = try Self.archive(hook: Self.saving)
        let plain = try quiet.writethru(["import", captures.directory])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stderr.contains("HOOK"))
        #expect(try Self.outFiles(quiet).isEmpty)

        let hooked = try Self.archive(hook: Self.saving)
        let result = try hooked.writethru(["import", "--hooks", captures.directory, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("HOOK"))
        let order = try String(contentsOfFile: hooked.directory + "/out/order.txt", encoding: .utf8)
        #expect(order == (1...5).map { "\(Self.story) \($0)\n" }.joined())
        for version in 1...5 {
            let update = try #require(try Self.event(hooked, version: version)["update"] as? [String: Any])
            #expect(update["version"] as? Int == version)
        }
        // Imported again: every input already recorded, no hook.
        try FileManager.default.removeItem(atPath: hooked.directory + "/out/order.txt")
        #expect(try hooked.writethru(["import", "--hooks", captures.directory]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: hooked.directory + "/out/order.txt"))
    }

    /// Two records at once, into two stories: each runs the hook for its own revision.
    @Test func concurrentRecordsEachRunTheirHook() throws {
        let workspace = try Self.archive(hook: Self.saving.replacingOccurrences(of: "event-$WRITETHRU_VERSION",
                                                                                with: "event-$WRITETHRU_STORY"))
        let results = LockedResults()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = try? workspace.writethru(["record", "--story", "story-\(index)", Self.seedPath(index + 1)])
            results.append(result?.status ?? -1)
        }
        #expect(results.values == [0, 0])
        let files = try Self.outFiles(workspace).filter { $0.hasPrefix("event-") }
        #expect(files == ["event-story-0.json", "event-story-1.json"])
    }
}

/// Exit statuses gathered from concurrent runs.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int32] = []
    func append(_ status: Int32) { lock.withLock { statuses.append(status) } }
    var values: [Int32] { lock.withLock { statuses } }
}
