import Foundation
import Testing

/// Starts `writethru` with `arguments` against the workspace's archive, in the background.
private func startRecording(_ workspace: Workspace, _ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.writethru)
    process.arguments = ["record", "--archive", workspace.archive] + arguments
    process.environment = CommandRunner.baseEnvironment
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    return process
}

private func waitForAll(_ processes: [Process]) {
    for process in processes {
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

/// Four writers record 50 distinct revisions each into the same story at the same time, one
/// `writethru record` per revision (single records: loose objects, one compare-and-swap each).
/// Compare-and-swap with retry must keep all 200.
@Suite struct ConcurrencyTests {
    @Test func fourWritersLoseNothing() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let writers = 4
        let revisions = 50
        let files = (0..<writers).map { writer in
            (0..<revisions).map { n in
                workspace.write("w\(writer)-\(n).txt",
                                Array("Race story\n\nWriter \(writer) files revision \(n) of the race story.\n".utf8))
            }
        }
        // Each writer runs its 50 records one after another, in its own thread.
        let group = DispatchGroup()
        let failures = LockedCount()
        for writer in 0..<writers {
            DispatchQueue.global().async(group: group) {
                for file in files[writer] {
                    guard let process = try? startRecording(workspace, ["--story", "race", file]) else {
                        failures.add()
                        continue
                    }
                    process.waitUntilExit()
                    if process.terminationStatus != 0 { failures.add() }
                }
            }
        }
        group.wait()
        #expect(failures.value == 0)
        let count = try workspace.git(["rev-list", "--count", "stories/race"])
        #expect(count.stdout == "\(writers * revisions)\n")
        let log = try workspace.writethru(["log", "race", "--format", "json"])
        let numbers = log.stdout.split(separator: "\n").filter { $0.contains("\"number\":") }.count
        #expect(numbers == writers * revisions)
        let fsck = try workspace.git(["fsck", "--strict"])
        #expect(fsck.status == 0, "\(fsck.stderr)")
        // The latest revision's meta.json carries its place in the history.
        let latest = try workspace.git(["show", "stories/race:meta.json"])
        #expect(latest.stdout.contains("\"version\": \(writers * revisions)"))
        // The derived index, written by 200 processes racing, agrees with the branch: the
        // listing counts every version, and each revision's sentence was printed by exactly
        // the version that recorded it (each revision replaced the one before).
        let listing = try workspace.writethru(["stories", "--format", "json"])
        #expect(listing.stdout.contains("\"versions\": \(writers * revisions)"), "\(listing.stdout)")
        let found = try workspace.writethru(["search", "--format", "json", "--limit", "0", "files revision"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [String: Any])
        let hits = try #require(document["hits"] as? [[String: Any]])
        #expect(hits.count == writers * revisions)
        let spans = hits.compactMap { hit -> [Int]? in
            guard let first = (hit["first"] as? [String: Any])?["number"] as? Int,
                  let last = (hit["last"] as? [String: Any])?["number"] as? Int else { return nil }
            return [first, last]
        }
        #expect(spans.sorted { $0[0] < $1[0] } == (1...(writers * revisions)).map { [$0, $0] })
        #expect(hits.filter { $0["inLatest"] as? Bool == true }.count == 1)
    }

    /// Two writers record 30 revisions each into the same story with one `record` each: both
    /// stage a pack, one wins the race for the branch, the other redoes its revisions on the
    /// new tip.
    @Test func racingBatchesBothLand() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let processes = try (0..<2).map { writer in
            let files = (0..<30).map { n in
                workspace.write("p\(writer)-\(n).txt", Array("Shared story\n\nWriter \(writer), revision \(n).\n".utf8))
            }
            let list = workspace.write("list-\(writer).txt", Array(files.joined(separator: "\n").utf8))
            return try startRecording(workspace, ["--story", "shared", "--files-from", list])
        }
        waitForAll(processes)
        #expect(try workspace.git(["rev-list", "--count", "stories/shared"]).stdout == "60\n")
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)
    }
}

final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// A writer takes its recording time before it reads the story's tip; when another writer
/// lands a version with a later time first, the loser's version goes on top of it. Played
/// here in order: the second record carries the earlier time.
@Suite struct RecordingTimeOrderTests {
    @Test func aVersionIsNeverRecordedBeforeTheOneUnderIt() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let first = workspace.write("first.txt", Array("Late story\n\nThe first version of the late story.\n".utf8))
        let second = workspace.write("second.txt", Array("Late story\n\nThe second version of the late story.\n".utf8))
        let later = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", "late", first],
                                                environment: ["WRITETHRU_RECORDED_AT": "2026-01-15T10:00:00Z"])
        #expect(later.status == 0, "\(later.stderr)")
        let earlier = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", "late",
                                                   second],
                                                  environment: ["WRITETHRU_RECORDED_AT": "2026-01-15T09:59:00Z"])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let verify = try workspace.writethru(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let meta = try workspace.git(["show", "stories/late:meta.json"])
        #expect(meta.stdout.contains("\"recorded\": \"2026-01-15T10:00:00Z\""), "\(meta.stdout)")
        #expect(meta.stdout.contains("\"updated\": \"2026-01-15T10:00:00Z\""), "\(meta.stdout)")
    }

    /// The same in one bulk record on top of a story whose tip was recorded later.
    @Test func aBulkRecordStagesAfterTheTipsTimes() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let first = workspace.write("first.txt", Array("Bulk story\n\nThe first version of the bulk story.\n".utf8))
        #expect(try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", "bulk", first],
                                            environment: ["WRITETHRU_RECORDED_AT": "2026-01-15T10:00:00Z"]).status == 0)
        let files = (0..<20).map { n in
            workspace.write("b\(n).txt", Array("Bulk story\n\nVersion \(n + 2) of the bulk story.\n".utf8))
        }
        let bulk = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", "bulk"] + files,
                                               environment: ["WRITETHRU_RECORDED_AT": "2026-01-15T09:00:00Z"])
        #expect(bulk.status == 0, "\(bulk.stderr)")
        let verify = try workspace.writethru(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
