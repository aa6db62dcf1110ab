import Foundation
import TestSupport
import Testing

/// `writethru claims` and `writethru parse --claims` on the seed chain, compared with Expected/.
@Suite struct ClaimsCommandTests {
    @Test(arguments: [
        (["claims", "us-china-alaska-talks"], "claims-4-5.txt"),
        (["claims", "us-china-alaska-talks", "2", "3", "--significance", "substantive", "--format", "json"], "claims-2-3.json"),
    ])
    func claimChangesMatchExpected(arguments: [String], expected: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        try expectMatches(result.stdout, expected: expected)
    }

    @Test func theUndeclaredDateChangeAndTheCueChangeAreFound() throws {
        let workspace = try Workspace.withSeedChain()
        let step2 = try workspace.writethru(["claims", "us-china-alaska-talks", "2", "3", "--format", "json"])
        #expect(step2.stdout.contains("\"reason\": \"date changed (March 19 -> March 18)\""))
        let step4 = try workspace.writethru(["claims", "us-china-alaska-talks", "4", "5", "--format", "json"])
        #expect(step4.stdout.contains("\"reason\": \"attribution cue changed (said -> confirmed, certainty up)\""))
        #expect(step4.stdout.contains("\"schema\": \"writethru.claims/1\""))
    }

    @Test func parseListsTheClaimsOfEachSentence() throws {
        let result = try CommandRunner.run(CommandRunner.writethru, ["parse", "--claims", Fixtures.chain[4]], directory: Fixtures.root.path)
        #expect(result.status == 0)
        try expectMatches(result.stdout, expected: "parse-claims-seed.txt")
    }
}
