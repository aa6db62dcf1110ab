import Foundation
import TestSupport
import Testing

/// The derived index on SQLite as commands see it: `stories` listed from it in every order,
/// branches moved by plain git caught up, a damaged or foreign index file replaced, the index
/// placed elsewhere, the old shard folder retired.
@Suite struct DerivedIndexCommandTests {
    static let story = "us-china-alaska-talks"

    /// The seed chain (5 versions, 2021-03-11) plus two one-version stories of later days.
    static func workspace() throws -> Workspace {
        let workspace = try Workspace.withSeedChain()
        for (id, day, text) in [("quad", "2021-03-12T08:00:00Z", "Quad leaders to hold first summit\n\nThe leaders of the Quad meet on Friday.\n"),
                                ("ever-given", "2021-03-24T09:00:00Z", "Giant ship blocks Suez Canal\n\nA container ship ran aground in the canal.\n")] {
            let file = workspace.write(id + ".txt", Array(text.utf8))
            #expect(try workspace.writethru(["record", "--story", id, "--at", day, file]).status == 0)
        }
        return workspace
    }

    static func ids(_ result: CommandResult) -> [String] {
        result.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) }
    }

    @Test func storiesAreListedInEveryOrderFromTheIndex() throws {
        let workspace = try Self.workspace()
        #expect(Self.ids(try workspace.writethru(["stories"])) == ["ever-given", "quad", Self.story])
        #expect(Self.ids(try workspace.writethru(["stories", "--sort", "updated"])) == ["ever-given", "quad", Self.story])
        #expect(Self.ids(try workspace.writethru(["stories", "--sort", "versions"])) == [Self.story, "ever-given", "quad"])
        #expect(Self.ids(try workspace.writethru(["stories", "--sort", "versions", "--limit", "2"])) == [Self.story, "ever-given"])
        #expect(Self.ids(try workspace.writethru(["stories", "--since", "2021-03-12"])) == ["ever-given", "quad"])
        #expect(Self.ids(try workspace.writethru(["stories", "--since", "2021-03-20", "--sort", "versions"])) == ["ever-given"])
        #expect(try workspace.writethru(["stories", "--limit", "0"]).stdout.isEmpty)
        let row = try workspace.writethru(["stories", "--limit", "1", "--sort", "versions"]).stdout
        #expect(row.contains("  5     2021-03-11T06:06:00Z  2021-03-11T18:18:00Z  Top U.S., China diplomats"), "\(row)")
        for bad in [["stories", "--sort", "size"], ["stories", "--limit", "-1"], ["stories", "--since", "someday"]] {
            let result = try workspace.writethru(bad)
            #expect(result.status == 64, "\(bad)")
            #expect(result.stdout.isEmpty && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    /// A branch another tool moved (rewound with `git branch -f`, deleted with `git branch -D`)
    /// is caught up by the next command: the listing and the search follow the branches.
    @Test func branchesMovedByPlainGitAreCaughtUp() throws {
        let workspace = try Self.workspace()
        let second = try workspace.git(["rev-parse", "stories/\(Self.story)~3"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try workspace.git(["branch", "-f", "stories/\(Self.story)", second]).status == 0)
        #expect(try workspace.git(["branch", "-D", "stories/quad"]).status == 0)
        let verify = try workspace.writethru(["verify"])
        #expect(verify.stdout.hasPrefix("note: the derived index learned again 1 story whose branch another tool moved "
            + "(git push, git branch, git update-ref): \(Self.story)\n"), "\(verify.stdout)")
        let listing = try workspace.writethru(["stories", "--format", "json"])
        let stories = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
        #expect(stories.map { $0["story"] as? String } == ["ever-given", Self.story])
        #expect(stories.last?["versions"] as? Int == 2)
        // UPDATE 2 (version 3) brought "as many as 1 million": no version of the rewound branch prints it.
        let gone = try workspace.writethru(["search", "as many as 1 million"])
        #expect(gone.stdout == "0 sentences in 0 stories (all)\n", "\(gone.stdout)")
        #expect(try workspace.writethru(["search", "Quad meet"]).stdout == "0 sentences in 0 stories (all)\n")
        // Recording on the rewound branch goes on from version 2.
        let next = try workspace.writethru(["record", "--story", Self.story, "--format", "json",
                                            Fixtures.root.path + "/" + Fixtures.chain[4]])
        #expect(next.status == 0 && next.stdout.contains("\"version\": 3"), "\(next.stdout)")
        #expect(try workspace.writethru(["search", "--in", "current", "as many as 1 million"]).stdout
            == "0 sentences in 0 stories (current)\n")
    }

    @Test func aDamagedOrForeignIndexFileIsReplacedAndRebuilt() throws {
        let workspace = try Self.workspace()
        let index = workspace.archive + "/writethru-index.sqlite"
        let before = try workspace.writethru(["search", "--format", "json", "Anchorage"]).stdout
        for bytes in [Array("not a database at all, but longer than a header would be".utf8) + [UInt8](repeating: 7, count: 5_000),
                      []] {
            for suffix in ["-wal", "-shm"] { unlink(index + suffix) }
            #expect(FileManager.default.createFile(atPath: index, contents: Data(bytes)))
            let result = try workspace.writethru(["search", "--format", "json", "Anchorage"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == before)
        }
        #expect(Self.ids(try workspace.writethru(["stories"])) == ["ever-given", "quad", Self.story])
    }

    /// Many short writers (one `record` each) keep the WAL small: each process that finds it
    /// past 1 MB empties it into the database, so the next process's start never reads a long
    /// WAL (it grew by every record's pages, without end, before).
    @Test func manySingleRecordsKeepTheWriteAheadLogSmall() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let sentences = (1...40).map { "Paragraph \($0) of the long-running story, with enough words to fill a page of the index." }
        var largest: Int64 = 0
        for n in 1...60 {
            let text = "Long-running story\n\n" + sentences.map { $0 + " Revision \(n)." }.joined(separator: "\n\n") + "\n"
            let file = workspace.write("v\(n).txt", Array(text.utf8))
            #expect(try workspace.writethru(["record", "--story", "long", file]).status == 0)
            let size = (try? FileManager.default.attributesOfItem(atPath: workspace.archive + "/writethru-index.sqlite-wal")[.size]
                as? Int64) ?? 0
            largest = max(largest, size)
        }
        #expect(largest < 2 << 20, "the WAL reached \(largest) bytes")
        // Every paragraph ends with the same sentence, "Revision N.": one row a story, printed by
        // version N only.
        let latest = try workspace.writethru(["search", "--format", "json", "Revision 60"]).stdout
        #expect(latest.contains("\"total\": 1") && latest.contains("\"inLatest\": true"), "\(latest.prefix(400))")
        let earlier = try workspace.writethru(["search", "--format", "json", "--in", "removed", "Revision 59"]).stdout
        #expect(earlier.contains("\"total\": 1") && earlier.contains("\"number\": 59"), "\(earlier.prefix(400))")
    }

    /// WRITETHRU_INDEX_DIR keeps the index in another folder, one file per archive.
    @Test func theIndexCanLiveInAnotherFolder() throws {
        let workspace = try Workspace()
        let folder = workspace.directory + "/indexes"
        let environment = ["WRITETHRU_INDEX_DIR": folder]
        #expect(try CommandRunner.writethru(["init", "--archive", workspace.archive], environment: environment).status == 0)
        let file = workspace.write("quad.txt", Array("Quad leaders to hold first summit\n\nThey meet on Friday.\n".utf8))
        #expect(try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", "quad", file],
                                            environment: environment).status == 0)
        let found = try CommandRunner.writethru(["search", "--archive", workspace.archive, "Friday"], environment: environment)
        #expect(found.stdout.hasSuffix("1 sentence in 1 story (all)\n"), "\(found.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sqlite") }
        #expect(files.count == 1 && files[0].hasPrefix("archive.git-"), "\(files)")
        #expect(!FileManager.default.fileExists(atPath: workspace.archive + "/writethru-index.sqlite"))
    }

    /// An archive indexed by an older Writethru (the shard folder `writethru/`) gets the new
    /// index on first use, and the old folder is removed.
    @Test func theShardFolderOfAnOlderWritethruIsRetired() throws {
        let workspace = try Self.workspace()
        for suffix in ["", "-wal", "-shm"] { unlink(workspace.archive + "/writethru-index.sqlite" + suffix) }
        let old = workspace.archive + "/writethru/words"
        try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: workspace.archive + "/writethru/index-version", contents: Data("3\n".utf8)))
        #expect(Self.ids(try workspace.writethru(["stories"])) == ["ever-given", "quad", Self.story])
        #expect(!FileManager.default.fileExists(atPath: workspace.archive + "/writethru"))
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)
    }
}
