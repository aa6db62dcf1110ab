import Foundation
import Testing

/// A remote story branch force-pushed back to an older version lost versions there: `push`,
/// `pull` and `verify --remote` say so (`remote-truncated`), and nothing local changes
/// (docs/sync.md, docs/decisions/0013-sync-never-overwrites.md).
@Suite struct TruncatedRemoteTests {
    @Test func aRemoteBranchForcedBackIsReportedTruncatedNotAhead() throws {
        let rooms = try SyncCommandTests.Newsrooms()
        let quad = SyncCommandTests.quad
        try rooms.record(rooms.first, story: "quad", at: "2021-03-12T08:00:00Z", quad)
        try rooms.record(rooms.first, story: "quad", at: "2021-03-12T09:00:00Z", quad + "\nOfficials said the summit would be held online.\n")
        try rooms.record(rooms.first, story: "quad", at: "2021-03-12T10:00:00Z", quad + "\nOfficials said the summit would be held online.\n\nThe White House confirmed it.\n")
        try rooms.record(rooms.first, story: "other", at: "2021-03-12T10:00:00Z", "Other headline here\n\nAnother story entirely.\n")
        #expect(try SyncCommandTests.Newsrooms.run(rooms.first, ["push"]).status == 0)
        #expect(try SyncCommandTests.Newsrooms.run(rooms.second, ["pull"]).status == 0)
        func tip(_ archive: String, _ ref: String = "stories/quad") throws -> String {
            String(try CommandRunner.git(["--git-dir", archive, "rev-parse", ref]).stdout.dropLast())
        }
        let full = try tip(rooms.first)
        let first = try tip(rooms.first, "stories/quad~2")
        // Someone force-pushes the remote's branch back to the first version: two versions lost there.
        #expect(try CommandRunner.git(["--git-dir", rooms.hub, "update-ref", "refs/heads/stories/quad", first]).status == 0)

        let pull = try SyncCommandTests.Newsrooms.run(rooms.first, ["pull"])
        #expect(pull.status == 2, "\(pull.stdout)\(pull.stderr)")
        #expect(pull.stdout.contains("quad  remote-truncated  \(full.prefix(12))  \(first.prefix(12))  the remote lost 2 versions"), "\(pull.stdout)")
        #expect(!pull.stdout.contains("ahead"))
        #expect(try tip(rooms.first) == full)

        // Seen again on the next run: the truncation is not forgotten once reported.
        let json = try SyncCommandTests.Newsrooms.run(rooms.first, ["pull", "--format", "json"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("\"lost\": 2"), "\(json.stdout)")
        #expect(json.stdout.contains("\"status\": \"remote-truncated\""))
        #expect(try SchemaCheck.problems(in: json.stdout, schema: "sync").isEmpty)

        let push = try SyncCommandTests.Newsrooms.run(rooms.first, ["push"])
        #expect(push.status == 2, "\(push.stdout)")
        #expect(push.stdout.contains("quad  remote-truncated"))
        #expect(try tip(rooms.hub) == first, "push leaves the remote as it is")
        #expect(try tip(rooms.first) == full)

        // The other archive, which had pulled all three versions, sees it too.
        for _ in 0..<2 {
            let verify = try SyncCommandTests.Newsrooms.run(rooms.second, ["verify", "--remote", "origin"])
            #expect(verify.status == 2, "\(verify.stdout)")
            #expect(verify.stdout.contains("origin lost 2 versions of it"), "\(verify.stdout)")
            #expect(verify.stdout.hasSuffix("1 problem\n"))
        }
        #expect(try tip(rooms.second) == full)
        #expect(try SyncCommandTests.Newsrooms.run(rooms.second, ["verify"]).status == 0)

        // push --restore sends the lost versions back (a fast-forward there); then all agree.
        let restore = try SyncCommandTests.Newsrooms.run(rooms.first, ["push", "--restore"])
        #expect(restore.status == 0, "\(restore.stdout)\(restore.stderr)")
        #expect(restore.stdout.contains("quad  restored"))
        #expect(try tip(rooms.hub) == full)
        let clean = try SyncCommandTests.Newsrooms.run(rooms.second, ["verify", "--remote", "origin"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(try SyncCommandTests.Newsrooms.run(rooms.first, ["pull"]).stdout.hasSuffix("2 up-to-date\n"))
    }
}
