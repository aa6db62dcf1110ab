import Foundation
import TestSupport
import Testing

/// Every refusal is one line on stderr, a documented exit code, and no change to the archive.
@Suite struct BadInputTests {
    private func expectRefusal(_ result: CommandResult, exitCode: Int32, mentioning text: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == exitCode, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines.last == "", "stderr is one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("writethru: error: "), sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr) mentions \(text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("empty.txt", [UInt8](), 65, "the input is empty"),
        ("blank.txt", Array(" \n\n \n".utf8), 65, "the input is empty"),
        ("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], 65, "binary"),
        ("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" talks\n\nBody.\n".utf8), 65, "not valid UTF-8 (first bad byte at offset 3)"),
    ] as [(String, [UInt8], Int32, String)])
    func unusableFilesAreRefusedAndWriteNothing(name: String, bytes: [UInt8], exitCode: Int32, message: String) throws {
        let workspace = try Workspace.withSeedChain()
        let before = workspace.snapshot()
        let good = Fixtures.root.path + "/" + Fixtures.chain[0]
        let bad = workspace.write(name, bytes)
        let result = try workspace.writethru(["record", "--story", "another-story", good, bad])
        expectRefusal(result, exitCode: exitCode, mentioning: message)
        #expect(workspace.snapshot() == before)
    }

    @Test func anInputLargerThan64MBIsRefused() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let path = workspace.write("huge.txt", [])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let before = workspace.snapshot()
        expectRefusal(try workspace.writethru(["record", path]), exitCode: 65, mentioning: "larger than 64 MB")
        #expect(workspace.snapshot() == before)
    }

    @Test func aMissingFileIsRefused() throws {
        let workspace = try Workspace.withSeedChain()
        let before = workspace.snapshot()
        expectRefusal(try workspace.writethru(["record", workspace.directory + "/nope.txt"]), exitCode: 66, mentioning: "no such file")
        expectRefusal(try workspace.writethru(["record", workspace.directory]), exitCode: 66, mentioning: "is a directory")
        #expect(workspace.snapshot() == before)
    }

    @Test(arguments: ["../../etc", "a..b", "x.lock", "bad\u{7}id", "new\nline", "refs/heads/main"])
    func unsafeStoryIDsAreRefused(id: String) throws {
        let workspace = try Workspace.withSeedChain()
        let before = workspace.snapshot()
        let file = Fixtures.root.path + "/" + Fixtures.chain[0]
        expectRefusal(try workspace.writethru(["record", "--story", id, file]), exitCode: 64, mentioning: "invalid story id")
        expectRefusal(try workspace.writethru(["log", id]), exitCode: 64, mentioning: "invalid story id")
        expectRefusal(try workspace.writethru(["show", id]), exitCode: 64, mentioning: "invalid story id")
        #expect(workspace.snapshot() == before)
    }

    @Test func unknownStoriesAndVersionsAreNotFound() throws {
        let workspace = try Workspace.withSeedChain()
        expectRefusal(try workspace.writethru(["log", "no-such-story"]), exitCode: 67, mentioning: "no story 'no-such-story'")
        expectRefusal(try workspace.writethru(["show", "no-such-story"]), exitCode: 67, mentioning: "no story 'no-such-story'")
        expectRefusal(try workspace.writethru(["show", "us-china-alaska-talks", "6"]), exitCode: 67, mentioning: "has no version 6")
        expectRefusal(try workspace.writethru(["show", "us-china-alaska-talks", "UPDATE 7"]), exitCode: 67, mentioning: "no version 'UPDATE 7'")
        expectRefusal(try workspace.writethru(["show", "us-china-alaska-talks", "deadbeef"]), exitCode: 67, mentioning: "no version 'deadbeef'")
    }

    @Test func pathsThatAreNotArchivesAreRefused() throws {
        let workspace = try Workspace()
        let plainFile = workspace.write("file.txt", Array("x".utf8))
        let emptyDirectory = workspace.directory + "/empty"
        try FileManager.default.createDirectory(atPath: emptyDirectory, withIntermediateDirectories: true)
        #expect(try CommandRunner.git(["init", "-q", workspace.directory + "/worktree"]).status == 0)
        for (path, reason) in [(workspace.directory + "/missing", "nothing is there"), (plainFile, "it is a file"),
                               (emptyDirectory, "not a git repository"), (workspace.directory + "/worktree", "work tree")] {
            for arguments in [["stories"], ["log", "x"], ["record", plainFile]] {
                let result = try CommandRunner.writethru(arguments + ["--archive", path])
                expectRefusal(result, exitCode: 68, mentioning: reason)
            }
        }
    }

    @Test func initRefusesAnythingAlreadyThere() throws {
        let workspace = try Workspace.withSeedChain()
        let before = workspace.snapshot()
        expectRefusal(try workspace.writethru(["init"]), exitCode: 73, mentioning: "already there")
        #expect(workspace.snapshot() == before)
        let file = workspace.write("occupied", Array("x".utf8))
        expectRefusal(try CommandRunner.writethru(["init", "--archive", file]), exitCode: 73, mentioning: "a file is there")
    }

    @Test func badTimesAreUsageErrors() throws {
        let workspace = try Workspace.withSeedChain()
        let file = Fixtures.root.path + "/" + Fixtures.chain[0]
        expectRefusal(try workspace.writethru(["record", "--at", "yesterday", file]), exitCode: 64, mentioning: "--at 'yesterday'")
    }
}
