import Foundation
import Testing

/// A writer killed while git held a story branch's lock leaves `<branch>.lock`; no writer can
/// move that story until it is removed. The lock is made here as libgit2 makes it (the new
/// commit id and a newline), aged, beside the journal of a writer that was killed.
@Suite struct StaleLockTests {
    private func folder(_ workspace: Workspace, stories: Int, versions: Int) throws -> String {
        let folder = workspace.directory + "/inbox"
        for story in 0..<stories {
            let path = folder + "/story-\(story)"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for version in 1...versions {
                _ = FileManager.default.createFile(
                    atPath: path + "/v\(version).txt",
                    contents: Data("Story \(story) headline\n\nStory \(story), version \(version).\n".utf8))
            }
        }
        return folder
    }

    /// Leaves a stale lock on `story`'s branch: a record killed before the branch moved (its
    /// journal names the story), then the lock file it would have held, 5 minutes old.
    private func leaveStaleLock(_ workspace: Workspace, story: String) throws -> String {
        let file = workspace.write("locked-\(story).txt", Array("Locked story\n\nA version never landed.\n".utf8))
        let killed = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", story, file],
                                                 environment: ["WRITETHRU_FAULT": "before-ref-move:1"])
        #expect(killed.status == SIGKILL)
        let lock = workspace.archive + "/refs/heads/stories/\(story).lock"
        try FileManager.default.createDirectory(atPath: workspace.archive + "/refs/heads/stories",
                                                withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: lock,
                                               contents: Data((String(repeating: "ab", count: 20) + "\n").utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-300)], ofItemAtPath: lock)
        return lock
    }

    @Test func importSkipsALockedStoryRecordsTheRestAndAReRunFinishes() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let inbox = try folder(workspace, stories: 3, versions: 6)
        let lock = try leaveStaleLock(workspace, story: "story-1")

        let verify = try workspace.writethru(["verify"])
        #expect(verify.status == 2)
        #expect(verify.stdout.contains("stale lock file refs/heads/stories/story-1.lock (story story-1)"),
                "\(verify.stdout)")
        #expect(verify.stdout.contains("left by writethru record (pid "), "\(verify.stdout)")
        #expect(verify.stdout.contains("no longer running"), "\(verify.stdout)")

        let started = Date()
        let first = try workspace.writethru(["import", inbox, "--format", "json"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(first.status == 75, "\(first.stderr)")
        #expect(first.stdout.contains("\"recorded\": 12"), "\(first.stdout)")
        #expect(first.stdout.contains("story-1/v6.txt"), "\(first.stdout)")
        #expect(first.stdout.contains("writethru locks --remove"), "\(first.stdout)")
        #expect(try workspace.git(["rev-list", "--count", "stories/story-0"]).stdout == "6\n")
        #expect(try workspace.git(["rev-list", "--count", "stories/story-2"]).stdout == "6\n")

        let listed = try workspace.writethru(["locks"])
        #expect(listed.status == 2)
        #expect(listed.stdout.hasPrefix("stale    refs/heads/stories/story-1.lock (story story-1), 5 min old"),
                "\(listed.stdout)")
        let removed = try workspace.writethru(["locks", "--remove"])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        #expect(removed.stdout.contains("removed 1 stale lock"), "\(removed.stdout)")
        #expect(!FileManager.default.fileExists(atPath: lock))

        let rerun = try workspace.writethru(["import", inbox])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.hasPrefix("3 stories: 6 revisions recorded, 0 unchanged, 12 already recorded"),
                "\(rerun.stdout)")
        #expect(try workspace.git(["rev-list", "--count", "stories/story-1"]).stdout == "6\n")
        let clean = try workspace.writethru(["verify"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: workspace.archive + "/writethru-writers"))
                    ?? []).isEmpty)
    }

    @Test func recordStopsAtOnceOnAStaleLockAndSaysWhatToDo() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        _ = try leaveStaleLock(workspace, story: "fire")
        let file = workspace.write("fire.txt", Array("Fire\n\nA fire broke out.\n".utf8))
        let started = Date()
        let result = try workspace.writethru(["record", "--story", "fire", file])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.status == 75)
        #expect(result.stderr.hasPrefix("writethru: error: story fire is locked by a stale lock file, "
                                            + "refs/heads/stories/fire.lock"), "\(result.stderr)")
        #expect(result.stderr.contains("writethru locks --remove"), "\(result.stderr)")
    }

    /// A lock a moment old with no writer on record may be another git program's: it is
    /// listed as recent and left alone.
    @Test func aFreshLockIsNeverRemoved() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let lock = workspace.archive + "/refs/heads/stories/fresh.lock"
        try FileManager.default.createDirectory(atPath: workspace.archive + "/refs/heads/stories",
                                                withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let removed = try workspace.writethru(["locks", "--remove", "--format", "json"])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("\"state\": \"recent\""), "\(removed.stdout)")
        #expect(removed.stdout.contains("\"removed\": []"), "\(removed.stdout)")
        #expect(FileManager.default.fileExists(atPath: lock))
    }
}
