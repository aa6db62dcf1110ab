import Foundation
import Testing

/// A clone or pull of a remote with thousands of story branches leaves its references packed
/// (one `packed-refs` file), not one loose file per reference (docs/storage.md, "References").
@Suite struct PackedReferencesTests {
    /// Every loose reference file under the archive's `refs/`.
    static func looseReferences(_ archive: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: archive + "/refs")
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: archive + "/refs/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }

    @Test func cloneAndPullOfThousandsOfStoriesLeaveTheReferencesPacked() throws {
        let rooms = try SyncCommandTests.Newsrooms()
        // 3,000 stories in one bulk record (JSON Lines), their branches packed as a git host keeps them.
        let count = 3000
        let lines = (0..<count).map {
            "{\"story\": \"story-\($0)\", \"headline\": \"Headline of story \($0)\", "
                + "\"body\": \"The only paragraph of story number \($0).\", \"updated\": \"2021-03-12T08:00:00Z\"}\n"
        }.joined()
        let revisions = rooms.workspace.write("stories.jsonl", Array(lines.utf8))
        let recordedAll = try SyncCommandTests.Newsrooms.run(rooms.first, ["record", revisions])
        #expect(recordedAll.status == 0, "\(recordedAll.stderr)")
        #expect(try CommandRunner.git(["--git-dir", rooms.first, "pack-refs", "--all"]).status == 0)

        let copy = rooms.workspace.directory + "/copy.git"
        let cloned = try CommandRunner.writethru(["clone", rooms.first, copy])
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(cloned.stdout.hasSuffix("\(count) created\n"), "\(cloned.stdout.suffix(100))")
        #expect(Self.looseReferences(copy) == [], "\(Self.looseReferences(copy).prefix(5))")
        let packed = try String(contentsOfFile: copy + "/packed-refs", encoding: .utf8)
        #expect(packed.split(separator: "\n").filter { $0.hasSuffix(" refs/heads/stories/story-2999") }.count == 1)
        // The clone works: every story listed, verified, against its remote too.
        #expect(try SyncCommandTests.Newsrooms.run(copy, ["stories"]).stdout.split(separator: "\n").count == count)
        let verified = try SyncCommandTests.Newsrooms.run(copy, ["verify", "--remote", "origin"])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.hasPrefix("checked \(count) stories, \(count) revisions"))
        // record moves a packed branch by compare-and-swap like a loose one.
        let file = rooms.workspace.write("update.txt", Array("Headline of story 17\n\nThe only paragraph of story number 17.\n\nA second paragraph.\n".utf8))
        let recorded = try SyncCommandTests.Newsrooms.run(copy, ["record", "--story", "story-17", "--at", "2021-03-12T09:00:00Z", file])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try CommandRunner.git(["--git-dir", copy, "rev-list", "--count", "stories/story-17"]).stdout == "2\n")
        #expect(try SyncCommandTests.Newsrooms.run(copy, ["log", "story-17"]).stdout.split(separator: "\n").count == 2)
        #expect(try CommandRunner.git(["--git-dir", copy, "fsck", "--strict"]).status == 0)

        // A pull that brings thousands of new branches packs them too.
        #expect(try SyncCommandTests.Newsrooms.run(rooms.second, ["remote", "add", "first", rooms.first]).status == 0)
        let pulled = try SyncCommandTests.Newsrooms.run(rooms.second, ["pull", "first"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.hasSuffix("\(count) created\n"), "\(pulled.stdout.suffix(100))")
        #expect(Self.looseReferences(rooms.second).count <= 1, "\(Self.looseReferences(rooms.second).prefix(5))")
        #expect(try SyncCommandTests.Newsrooms.run(rooms.second, ["verify"]).status == 0)
    }
}
