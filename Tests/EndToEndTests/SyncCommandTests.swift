import Foundation
import TestSupport
import Testing

/// `remote`, `push`, `pull`, `clone` and `verify` with a local bare repository as the remote.
@Suite struct SyncCommandTests {
    /// Two archives, one remote (a plain bare git repository), in one workspace.
    final class Newsrooms: Sendable {
        let workspace: Workspace
        var hub: String { workspace.directory + "/hub.git" }
        var first: String { workspace.archive }
        var second: String { workspace.directory + "/second.git" }

        init() throws {
            workspace = try Workspace()
            #expect(try CommandRunner.git(["init", "-q", "--bare", hub]).status == 0)
            for archive in [first, second] {
                #expect(try Self.run(archive, ["init"]).status == 0)
                #expect(try Self.run(archive, ["remote", "add", "origin", hub]).status == 0)
            }
        }

        static func run(_ archive: String, _ arguments: [String]) throws -> CommandResult {
            try CommandRunner.writethru(arguments + ["--archive", archive])
        }

        func record(_ archive: String, story: String, at time: String, _ text: String) throws {
            let file = workspace.write(UUID().uuidString + ".txt", Array(text.utf8))
            let result = try Self.run(archive, ["record", "--story", story, "--at", time, file])
            #expect(result.status == 0, "\(result.stderr)")
        }

        func recordSeedChain(_ archive: String) throws {
            let result = try CommandRunner.run(CommandRunner.writethru,
                                               ["record", "--archive", archive, "--story", "us-china-alaska-talks"] + Fixtures.chain,
                                               directory: Fixtures.root.path)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    static let quad = "Quad leaders to hold first summit\n\nLeaders of the Quad will meet online on Friday.\n"

    @Test func twoArchivesThatRecordDifferentStoriesEndUpWithTheSameListing() throws {
        let rooms = try Newsrooms()
        try rooms.recordSeedChain(rooms.first)
        try rooms.record(rooms.second, story: "quad-summit", at: "2021-03-12T08:00:00Z", Self.quad)

        let firstPush = try Newsrooms.run(rooms.first, ["push"])
        #expect(firstPush.status == 0, "\(firstPush.stderr)")
        #expect(firstPush.stdout.contains("us-china-alaska-talks  created"))
        #expect(firstPush.stdout.contains("(main: settings)"))
        let secondPush = try Newsrooms.run(rooms.second, ["push", "origin"])
        #expect(secondPush.status == 0, "\(secondPush.stderr)")
        #expect(secondPush.stdout.hasSuffix("1 created\n"))
        for archive in [rooms.first, rooms.second] {
            let pulled = try Newsrooms.run(archive, ["pull"])
            #expect(pulled.status == 0, "\(pulled.stderr)")
            #expect(pulled.stdout.hasSuffix("1 created, 1 up-to-date\n"))
        }
        let listings = try [rooms.first, rooms.second].map { try Newsrooms.run($0, ["stories"]).stdout }
        #expect(listings[0] == listings[1])
        #expect(listings[0].split(separator: "\n").map { $0.prefix { $0 != " " } } == ["quad-summit", "us-china-alaska-talks"])
        // The remote is a plain git repository holding both stories, complete.
        #expect(try CommandRunner.git(["--git-dir", rooms.hub, "fsck", "--strict"]).status == 0)
        #expect(try CommandRunner.git(["--git-dir", rooms.hub, "rev-list", "--count", "stories/us-china-alaska-talks"]).stdout == "5\n")
        // Pulled versions are whole: the second archive diffs the seed chain like the first.
        #expect(try Newsrooms.run(rooms.second, ["diff", "us-china-alaska-talks", "--stat"]).stdout
                == "+1 added  -0 removed  ~1 changed  0 moved  3 merged\n")
        // Pulled stories are searchable at once: the pull added them to the word index.
        let found = try Newsrooms.run(rooms.second, ["search", "Psaki told a news briefing"])
        #expect(found.stdout.hasPrefix("us-china-alaska-talks  v2 UPDATE 1 to v5 UPDATE 4  ¶4  in the latest version\n"))
        let sync = try Newsrooms.run(rooms.first, ["push", "--format", "json"])
        #expect(try SchemaCheck.problems(in: sync.stdout, schema: "sync").isEmpty)
        let again = try Newsrooms.run(rooms.first, ["pull", "--format", "json"])
        #expect(again.stdout.contains("\"status\": \"up-to-date\""))
        #expect(!again.stdout.contains("created"))
    }

    @Test func aStoryThatDivergedIsReportedAndNeverOverwritten() throws {
        let rooms = try Newsrooms()
        try rooms.record(rooms.first, story: "quad", at: "2021-03-12T08:00:00Z", Self.quad)
        #expect(try Newsrooms.run(rooms.first, ["push"]).status == 0)
        #expect(try Newsrooms.run(rooms.second, ["pull"]).status == 0)
        try rooms.record(rooms.first, story: "quad", at: "2021-03-12T09:00:00Z", Self.quad + "\nOfficials said the summit would be held online.\n")
        try rooms.record(rooms.second, story: "quad", at: "2021-03-12T09:30:00Z", Self.quad + "\nThe White House confirmed the summit.\n")
        #expect(try Newsrooms.run(rooms.first, ["push"]).status == 0)
        let hubTip = try CommandRunner.git(["--git-dir", rooms.hub, "rev-parse", "stories/quad"]).stdout
        let secondTip = try CommandRunner.git(["--git-dir", rooms.second, "rev-parse", "stories/quad"]).stdout

        let push = try Newsrooms.run(rooms.second, ["push"])
        #expect(push.status == 2)
        #expect(push.stdout.contains("quad  diverged"))
        let pull = try Newsrooms.run(rooms.second, ["pull"])
        #expect(pull.status == 2)
        #expect(pull.stdout.contains("both sides recorded different versions; left alone on both"))
        #expect(try CommandRunner.git(["--git-dir", rooms.hub, "rev-parse", "stories/quad"]).stdout == hubTip)
        #expect(try CommandRunner.git(["--git-dir", rooms.second, "rev-parse", "stories/quad"]).stdout == secondTip)
        let verify = try Newsrooms.run(rooms.second, ["verify", "--remote", "origin"])
        #expect(verify.status == 2)
        #expect(verify.stdout.contains("its history and origin's differ: neither is an ancestor of the other"))
        #expect(try Newsrooms.run(rooms.second, ["verify"]).status == 0)
    }

    @Test func cloneCopiesTheArchiveAndLeavesNothingWhenItFails() throws {
        let rooms = try Newsrooms()
        try rooms.recordSeedChain(rooms.first)
        #expect(try Newsrooms.run(rooms.first, ["push"]).status == 0)
        let copy = rooms.workspace.directory + "/copy.git"
        let cloned = try CommandRunner.writethru(["clone", rooms.hub, copy])
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(cloned.stdout == "us-china-alaska-talks  created  -  " + String(try CommandRunner.git(["--git-dir", rooms.hub, "rev-parse", "--short=12", "stories/us-china-alaska-talks"]).stdout.dropLast()) + "  \n1 created\n")
        #expect(try Newsrooms.run(copy, ["log", "us-china-alaska-talks"]).stdout == (try Newsrooms.run(rooms.first, ["log", "us-china-alaska-talks"]).stdout))
        let verified = try Newsrooms.run(copy, ["verify", "--remote", "origin"])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout == "checked 1 story, 5 revisions, \(verified.stdout.split(separator: " ")[5]) objects, against origin: no problems\n")

        let missing = try CommandRunner.writethru(["clone", rooms.workspace.directory + "/nowhere.git", rooms.workspace.directory + "/x.git"])
        #expect(missing.status == 68)
        #expect(!FileManager.default.fileExists(atPath: rooms.workspace.directory + "/x.git"))
        let plain = rooms.workspace.directory + "/plain.git"
        #expect(try CommandRunner.git(["init", "-q", "--bare", plain]).status == 0)
        let notArchive = try CommandRunner.writethru(["clone", plain, rooms.workspace.directory + "/y.git"])
        #expect(notArchive.status == 68, "\(notArchive.stderr)")
        #expect(!FileManager.default.fileExists(atPath: rooms.workspace.directory + "/y.git"))
        let file = rooms.workspace.write("not-an-archive.txt", Array("text\n".utf8))
        let fromFile = try CommandRunner.writethru(["clone", file, rooms.workspace.directory + "/z.git"])
        #expect(fromFile.status == 68)
        #expect(fromFile.stderr == "writethru: error: \(file) is not a Writethru archive: it is a file\n")
        #expect(!FileManager.default.fileExists(atPath: rooms.workspace.directory + "/z.git"))
        let occupied = try CommandRunner.writethru(["clone", rooms.hub, rooms.first])
        #expect(occupied.status == 73)
    }

    @Test func verifyNamesDamageAndRewrittenRevisions() throws {
        let rooms = try Newsrooms()
        try rooms.recordSeedChain(rooms.first)
        let clean = try Newsrooms.run(rooms.first, ["verify", "--format", "json"])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("\"problems\": []"))

        // A revision rewritten with plain git: article.md changed, meta.json left as it was.
        let archive = rooms.first
        let tip = String(try CommandRunner.git(["--git-dir", archive, "rev-parse", "stories/us-china-alaska-talks"]).stdout.dropLast())
        let forged = rooms.workspace.write("forged.md", Array("# Forged headline\n\nA paragraph nobody filed.\n".utf8))
        let blob = String(try CommandRunner.git(["--git-dir", archive, "hash-object", "-w", forged]).stdout.dropLast())
        var tree = try CommandRunner.git(["--git-dir", archive, "ls-tree", tip]).stdout
            .split(separator: "\n").map { line -> String in
                line.hasSuffix("\tarticle.md") ? "100644 blob \(blob)\tarticle.md" : String(line)
            }.joined(separator: "\n") + "\n"
        let treeFile = rooms.workspace.write("tree.txt", Array(tree.utf8))
        tree = String(try CommandRunner.run("/bin/sh", ["-c", "git --git-dir '\(archive)' mktree < '\(treeFile)'"]).stdout.dropLast())
        let parent = String(try CommandRunner.git(["--git-dir", archive, "rev-parse", tip + "^"]).stdout.dropLast())
        let commit = String(try CommandRunner.run("/bin/sh", ["-c", "GIT_AUTHOR_NAME=x GIT_AUTHOR_EMAIL=x@x GIT_COMMITTER_NAME=x GIT_COMMITTER_EMAIL=x@x git --git-dir '\(archive)' commit-tree \(tree) -p \(parent) -m forged"]).stdout.dropLast())
        #expect(try CommandRunner.git(["--git-dir", archive, "update-ref", "refs/heads/stories/us-china-alaska-talks", commit]).status == 0)
        let forgedReport = try Newsrooms.run(archive, ["verify"])
        #expect(forgedReport.status == 2)
        #expect(forgedReport.stdout.contains("version 5: article.md does not match the content hash in meta.json"))

        // A damaged object file: its bytes no longer hash to its name.
        #expect(try CommandRunner.git(["--git-dir", archive, "update-ref", "refs/heads/stories/us-china-alaska-talks", tip]).status == 0)
        let article = String(try CommandRunner.git(["--git-dir", archive, "rev-parse", tip + "~2:article.md"]).stdout.dropLast())
        let objectPath = archive + "/objects/" + article.prefix(2) + "/" + article.dropFirst(2)
        #expect(FileManager.default.fileExists(atPath: objectPath), "the seed chain is recorded as loose objects")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: objectPath)
        let other = try CommandRunner.git(["--git-dir", archive, "rev-parse", tip + ":article.md"]).stdout.dropLast()
        let otherPath = archive + "/objects/" + other.prefix(2) + "/" + other.dropFirst(2)
        try FileManager.default.removeItem(atPath: objectPath)
        try FileManager.default.copyItem(atPath: otherPath, toPath: objectPath)
        let damaged = try Newsrooms.run(archive, ["verify"])
        #expect(damaged.status == 2)
        #expect(damaged.stdout.contains("article.md \(article.prefix(12)) cannot be read"))
        #expect(damaged.stdout.hasSuffix("1 problem\n"))
    }

    @Test(arguments: [
        (["remote", "add", "not a name", "/tmp/x.git"], Int32(64)),
        (["remote", "add", "origin", "/tmp/other.git"], 64),
        (["push", "elsewhere"], 67),
        (["pull", "elsewhere"], 67),
        (["verify", "--remote", "elsewhere"], 67),
    ] as [([String], Int32)])
    func badRemoteRequestsFailWithOneLine(arguments: [String], status: Int32) throws {
        let rooms = try Newsrooms()
        let result = try Newsrooms.run(rooms.first, arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("writethru: error: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func anUnreachableRemoteIsOneLineAndExit69() throws {
        let rooms = try Newsrooms()
        #expect(try Newsrooms.run(rooms.first, ["remote", "add", "gone", "file:///nonexistent/archive.git"]).status == 0)
        let result = try Newsrooms.run(rooms.first, ["pull", "gone"])
        #expect(result.status == 69)
        #expect(result.stderr == "writethru: error: cannot fetch from 'gone': file:///nonexistent/archive.git: nothing is there\n")
        let none = try Workspace()
        #expect(try none.writethru(["init"]).status == 0)
        let noRemote = try none.writethru(["push"])
        #expect(noRemote.status == 64)
        #expect(noRemote.stderr == "writethru: error: the archive has no remote; add one with `writethru remote add NAME URL`\n")
    }
}
