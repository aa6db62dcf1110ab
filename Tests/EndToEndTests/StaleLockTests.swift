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

    /// Leaves a lock on `story`'s branch as libgit2 makes it (the new commit id and a newline),
    /// `age` seconds old. With `killedWriter`, a record was killed just before it would have
    /// moved the branch, so its journal names the story: the lock is that dead writer's.
    @discardableResult
    private func leaveLock(_ workspace: Workspace, story: String, age: TimeInterval,
                           killedWriter: Bool) throws -> String {
        if killedWriter {
            let file = workspace.write("locked-\(story).txt", Array("Locked story\n\nA version never landed.\n".utf8))
            let killed = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", story, file],
                                                     environment: ["WRITETHRU_FAULT": "before-ref-move:1"])
            #expect(killed.status == SIGKILL)
        }
        let lock = workspace.archive + "/refs/heads/stories/\(story).lock"
        try FileManager.default.createDirectory(atPath: workspace.archive + "/refs/heads/stories",
                                                withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: lock,
                                               contents: Data((String(repeating: "ab", count: 20) + "\n").utf8)))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: lock)
        return lock
    }

    /// A lock no journal accounts for (a killed git program, a journal folder deleted) is
    /// never removed by a writer: import skips its story and says how to remove it.
    @Test func importSkipsALockedStoryRecordsTheRestAndAReRunFinishes() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let inbox = try folder(workspace, stories: 3, versions: 6)
        let lock = try leaveLock(workspace, story: "story-1", age: 300, killedWriter: false)

        let verify = try workspace.writethru(["verify"])
        #expect(verify.status == 2)
        #expect(verify.stdout.contains("stale lock file refs/heads/stories/story-1.lock (story story-1)"),
                "\(verify.stdout)")
        #expect(verify.stdout.contains("5 min old, no Writethru writer on record"), "\(verify.stdout)")

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
        try leaveLock(workspace, story: "fire", age: 300, killedWriter: false)
        let file = workspace.write("fire.txt", Array("Fire\n\nA fire broke out.\n".utf8))
        let started = Date()
        let result = try workspace.writethru(["record", "--story", "fire", file])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.status == 75)
        #expect(result.stderr.hasPrefix("writethru: error: story fire is locked by a lock file no running writer "
                                            + "holds (refs/heads/stories/fire.lock, 5 min old, no Writethru writer "
                                            + "on record); nothing was lost"), "\(result.stderr)")
        #expect(result.stderr.contains("writethru locks --remove"), "\(result.stderr)")
    }

    /// A bulk record stops at a locked story: it keeps the stories whose branches moved before
    /// it (two of four here), prints them, says how many it kept, and the re-run records only
    /// the rest.
    @Test func aBulkRecordStoppedByALockPrintsAndCountsWhatItKept() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let inbox = try folder(workspace, stories: 4, versions: 5)
        let files = (0..<4).flatMap { story in (1...5).map { "\(inbox)/story-\(story)/v\($0).txt" } }
        try leaveLock(workspace, story: "story-2-headline", age: 300, killedWriter: false)
        let stopped = try workspace.writethru(["record"] + files)
        #expect(stopped.status == 75)
        #expect(stopped.stderr.contains("; 10 revisions were recorded and kept before this, and a re-run of the "
                                            + "same command records only the rest"), "\(stopped.stderr)")
        let printed = stopped.stdout.split(separator: "\n")
        #expect(printed.count == 10, "\(stopped.stdout)")
        #expect(!printed.contains { $0.contains("story-2-headline") })
        #expect(try workspace.writethru(["locks", "--remove"]).status == 0)
        let rerun = try workspace.writethru(["record", "--format", "json"] + files)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.components(separatedBy: "\"already-recorded\"").count - 1 == 10)
        #expect(try workspace.git(["rev-list", "--count", "stories/story-2-headline"]).stdout == "5\n")
    }

    /// A lock a moment old that no journal accounts for: the writer waits until it can judge
    /// it (2 s), then stops with the stale-lock message, not "other writers without pause".
    @Test func aFreshLockOfUnknownOriginIsJudgedOnceOldEnough() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        try leaveLock(workspace, story: "storm", age: 0, killedWriter: false)
        let file = workspace.write("storm.txt", Array("Storm\n\nWinds reached 120 km/h.\n".utf8))
        let started = Date()
        let result = try workspace.writethru(["record", "--story", "storm", file])
        #expect(Date().timeIntervalSince(started) >= 1.5)
        #expect(result.status == 75)
        #expect(result.stderr.contains("story storm is locked by a lock file no running writer holds"),
                "\(result.stderr)")
    }

    /// A lock a killed Writethru writer left is named in `verify` with that writer, and the
    /// next writer of the story removes it itself (waiting until it is 2 s old): a plain re-run
    /// after a `kill -9` needs no manual step.
    @Test func aLockADeadWriterLeftIsNamedAndClearedByTheNextWriter() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let old = try leaveLock(workspace, story: "flood", age: 300, killedWriter: true)
        let verify = try workspace.writethru(["verify"])
        #expect(verify.status == 2)
        #expect(verify.stdout.contains("stale lock file refs/heads/stories/flood.lock (story flood), 5 min old, "
                                           + "left by writethru record (pid "), "\(verify.stdout)")
        #expect(verify.stdout.contains("no longer running"), "\(verify.stdout)")
        let file = workspace.write("flood.txt", Array("Flood\n\nThe river rose overnight.\n".utf8))
        let record = try workspace.writethru(["record", "--story", "flood", file])
        #expect(record.status == 0, "\(record.stderr)")
        #expect(!FileManager.default.fileExists(atPath: old))

        // A fresh one (the kill a moment ago): the writer waits until it is stale.
        let second = workspace.write("flood-2.txt", Array("Flood\n\nThe river rose overnight; roads closed.\n".utf8))
        let killed = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", "flood", second],
                                                 environment: ["WRITETHRU_FAULT": "before-ref-move:1"])
        #expect(killed.status == SIGKILL)
        try leaveLock(workspace, story: "flood", age: 0, killedWriter: false)
        let started = Date()
        let rerun = try workspace.writethru(["record", "--story", "flood", second])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(Date().timeIntervalSince(started) >= 1.5)
        #expect(try workspace.git(["rev-list", "--count", "stories/flood"]).stdout == "2\n")
        #expect(try workspace.writethru(["verify"]).status == 0)
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
