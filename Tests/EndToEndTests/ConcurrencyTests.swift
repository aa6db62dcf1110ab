import Foundation
import Testing

/// Four processes record 50 distinct revisions each into the same story at the same time:
/// compare-and-swap with retry must keep all 200.
@Suite struct ConcurrencyTests {
    @Test func fourWritersLoseNothing() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let writers = 4
        let revisions = 50
        var processes: [Process] = []
        for writer in 0..<writers {
            let files = (0..<revisions).map { n in
                workspace.write("w\(writer)-\(n).txt",
                                Array("Race story\n\nWriter \(writer) files revision \(n) of the race story.\n".utf8))
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.writethru)
            process.arguments = ["record", "--archive", workspace.archive, "--story", "race"] + files
            process.environment = CommandRunner.baseEnvironment
            process.standardOutput = FileHandle.nullDevice
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let count = try workspace.git(["rev-list", "--count", "stories/race"])
        #expect(count.stdout == "\(writers * revisions)\n")
        let log = try workspace.writethru(["log", "race", "--format", "json"])
        let numbers = log.stdout.split(separator: "\n").filter { $0.contains("\"number\":") }.count
        #expect(numbers == writers * revisions)
        let fsck = try workspace.git(["fsck", "--strict"])
        #expect(fsck.status == 0, "\(fsck.stderr)")
        // Every revision's meta.json carries its place in the history.
        let latest = try workspace.git(["show", "stories/race:meta.json"])
        #expect(latest.stdout.contains("\"version\": \(writers * revisions)"))
    }
}

/// Two processes record 30 revisions each into the same story with one `record` each: both stage
/// a pack, one wins the race for the branch, the other redoes its revisions on the new tip.
@Suite struct PackedRaceTests {
    @Test func bothBatchesLand() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        var processes: [Process] = []
        for writer in 0..<2 {
            let files = (0..<30).map { n in
                workspace.write("p\(writer)-\(n).txt", Array("Shared story\n\nWriter \(writer), revision \(n).\n".utf8))
            }
            let list = workspace.write("list-\(writer).txt", Array(files.joined(separator: "\n").utf8))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.writethru)
            process.arguments = ["record", "--archive", workspace.archive, "--story", "shared", "--files-from", list]
            process.environment = CommandRunner.baseEnvironment
            process.standardOutput = FileHandle.nullDevice
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(try workspace.git(["rev-list", "--count", "stories/shared"]).stdout == "60\n")
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)
    }
}
