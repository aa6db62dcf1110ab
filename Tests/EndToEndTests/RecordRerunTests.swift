import Foundation
import Testing

/// A `record` of many revisions that stops part-way (killed, a stale lock, writers that never
/// pause) keeps what it landed; the same command run again records only the rest.
@Suite struct RecordRerunTests {
    private func files(_ workspace: Workspace, story: String, count: Int) -> [String] {
        (1...count).map { n in
            workspace.write("\(story)-\(n).txt",
                            Array("\(story) headline\n\nThe \(story) story, version \(n) of \(count).\n".utf8))
        }
    }

    /// One revision at a time (a run under the packing threshold), killed after its fourth.
    @Test func aReRunOfAKilledRecordRecordsEachInputOnce() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let inputs = files(workspace, story: "quake", count: 10)
        let arguments = ["record", "--archive", workspace.archive, "--story", "quake"] + inputs
        let killed = try CommandRunner.writethru(arguments, environment: ["WRITETHRU_FAULT": "after-ref-move:4"])
        #expect(killed.status == SIGKILL)
        #expect(try workspace.git(["rev-list", "--count", "stories/quake"]).stdout == "4\n")
        let rerun = try CommandRunner.writethru(arguments + ["--format", "json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.components(separatedBy: "\"already-recorded\"").count - 1 == 4, "\(rerun.stdout)")
        #expect(try workspace.git(["rev-list", "--count", "stories/quake"]).stdout == "10\n")
        // A third run records nothing.
        #expect(try CommandRunner.writethru(arguments).status == 0)
        #expect(try workspace.git(["rev-list", "--count", "stories/quake"]).stdout == "10\n")
        #expect(try workspace.writethru(["verify"]).status == 0)
    }

    /// A bulk record (packs) of four stories killed after two branches moved.
    @Test func aReRunOfAKilledBulkRecordRecordsEachInputOnce() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let inputs = ["ash", "birch", "cedar", "dogwood"].flatMap { files(workspace, story: $0, count: 10) }
        let arguments = ["record", "--archive", workspace.archive] + inputs
        let killed = try CommandRunner.writethru(arguments, environment: ["WRITETHRU_FAULT": "after-ref-move:2"])
        #expect(killed.status == SIGKILL)
        let rerun = try CommandRunner.writethru(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        for story in ["ash", "birch", "cedar", "dogwood"] {
            #expect(try workspace.git(["rev-list", "--count", "stories/\(story)-headline"]).stdout == "10\n", "\(story)")
        }
        #expect(try workspace.writethru(["verify"]).status == 0)
    }

    /// Run identity is what keeps a re-run from duplicating, not the bytes alone: a later
    /// record of a text the story printed before is a new version (the story went back).
    @Test func aStoryThatGoesBackToAnEarlierTextRecordsIt() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let inputs = files(workspace, story: "vote", count: 2)
        #expect(try workspace.writethru(["record", "--story", "vote"] + inputs).status == 0)
        let back = try workspace.writethru(["record", "--story", "vote", inputs[0], "--format", "json"])
        #expect(back.stdout.contains("\"status\": \"recorded\""), "\(back.stdout)")
        #expect(try workspace.git(["rev-list", "--count", "stories/vote"]).stdout == "3\n")
        // A single record writes no run mark: its meta.json is as before.
        #expect(!(try workspace.git(["show", "stories/vote:meta.json"]).stdout.contains("\"run\"")))
        #expect(try workspace.git(["show", "stories/vote~1:meta.json"]).stdout.contains("\"run\": {"))
    }

    /// SIGTERM stops a bulk record between chunks: it prints what it kept, exits 130, and the
    /// re-run records the rest. 2,600 revisions: two chunks, so the signal can fall between them.
    @Test func aBulkRecordStoppedBySIGTERMPrintsWhatItKept() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        var paths: [String] = []
        for story in 0..<260 {
            for version in 1...10 {
                paths.append(workspace.write("s\(story)-v\(version).txt",
                                             Array("Term story \(story)\n\nStory \(story), version \(version).\n".utf8)))
            }
        }
        let list = workspace.write("list.txt", Array(paths.joined(separator: "\n").utf8))
        let (process, stdout, stderr) = try workspace.startAndWaitForFirstBranch(["record", "--files-from", list])
        process.terminate()
        let printed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.hasPrefix("writethru: error: interrupted: 2500 revisions recorded and kept"), "\(message)")
        #expect(printed.split(separator: "\n").count == 2_500)
        let rerun = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--files-from", list,
                                                 "--format", "json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.components(separatedBy: "\"already-recorded\"").count - 1 == 2_500)
        let total = try workspace.git(["rev-list", "--count", "--branches=stories/*"])
        #expect(total.stdout == "2600\n")
        #expect(try workspace.writethru(["verify"]).status == 0)
    }
}
