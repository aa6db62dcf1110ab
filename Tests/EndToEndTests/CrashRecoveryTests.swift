import Foundation
import Testing

/// What a writer killed at the worst moments leaves, and how the next plain command finishes
/// the work. The kills are made by `WRITETHRU_FAULT` (docs/reliability.md): the process
/// SIGKILLs itself at a named point, exactly as a `kill -9` there would.
@Suite struct CrashRecoveryTests {
    private func article(_ headline: String, _ body: String) -> [UInt8] {
        Array("\(headline)\n\n\(body)\n".utf8)
    }

    /// Killed after the branch moved but before the derived index learned the revision: the
    /// next `record` of the story's next version (matched by headline) is version 2 of the
    /// same story, not a new story, and `search` finds the first version's words.
    @Test func theIndexCatchesUpAfterAWriterIsKilledBetweenBranchAndIndex() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let first = workspace.write("v1.txt", article("Harbour fire destroys warehouse",
                                                      "A fire destroyed a warehouse at the harbour overnight."))
        let killed = try CommandRunner.writethru(["record", "--archive", workspace.archive, first],
                                                 environment: ["WRITETHRU_FAULT": "after-ref-move:1"])
        #expect(killed.status == SIGKILL)
        #expect(try workspace.git(["rev-list", "--count", "stories/harbour-fire-destroys-warehouse"]).stdout == "1\n")

        let second = workspace.write("v2.txt", article("Harbour fire destroys warehouse",
                                                       "A fire destroyed a warehouse at the harbour overnight, "
                                                           + "police said."))
        let next = try workspace.writethru(["record", second, "--format", "json"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("\"story\": \"harbour-fire-destroys-warehouse\""), "\(next.stdout)")
        #expect(next.stdout.contains("\"version\": 2"), "\(next.stdout)")
        #expect(try workspace.git(["for-each-ref", "refs/heads/stories/"]).stdout.split(separator: "\n").count == 1)

        let search = try workspace.writethru(["search", "overnight"])
        #expect(search.status == 0)
        #expect(search.stdout.contains("harbour-fire-destroys-warehouse"), "\(search.stdout)")
        // The dead writer's journal is gone once its stories are caught up.
        let journals = (try? FileManager.default.contentsOfDirectory(atPath: workspace.archive + "/writethru-writers"))
        #expect(journals ?? [] == [])
    }

    /// The same for a bulk import killed after its pack is written and its first branch moved.
    @Test func searchFindsWhatAKilledImportCommitted() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let folder = workspace.directory + "/inbox"
        for story in 0..<3 {
            let path = folder + "/story-\(story)"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for version in 1...8 {
                _ = FileManager.default.createFile(
                    atPath: path + "/v\(version).txt",
                    contents: Data(article("Story \(story) headline",
                                           "Paragraph of story \(story), version \(version), word zx\(story)q.")))
            }
        }
        let killed = try CommandRunner.writethru(["import", "--archive", workspace.archive, folder],
                                                 environment: ["WRITETHRU_FAULT": "after-ref-move:1"])
        #expect(killed.status == SIGKILL)
        let branches = try workspace.git(["for-each-ref", "--format=%(refname)", "refs/heads/stories/"])
        #expect(branches.stdout == "refs/heads/stories/story-0\n")
        // verify names what was learned again: the one story whose branch the writer moved.
        let verify = try workspace.writethru(["verify"])
        #expect(verify.stdout.hasPrefix("note: the derived index learned again 1 story whose branch a killed writer "
                                            + "was moving: story-0\n"), "\(verify.stdout)")
        let search = try workspace.writethru(["search", "zx0q"])
        #expect(search.stdout.contains("story-0"), "\(search.stdout)")
        // A plain re-run records the rest, and nothing twice.
        let rerun = try workspace.writethru(["import", folder])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        for story in 0..<3 {
            #expect(try workspace.git(["rev-list", "--count", "stories/story-\(story)"]).stdout == "8\n")
        }
        #expect(try workspace.writethru(["verify"]).status == 0)
    }
}
