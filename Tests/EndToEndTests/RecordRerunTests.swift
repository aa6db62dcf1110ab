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
}
