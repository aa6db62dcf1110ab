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

    /// Two versions recorded with no time of their own (the recording time stands in, perhaps
    /// years after the story was filed) are dated by their dateline: "on Thursday" in a story
    /// datelined Wednesday, March 10 is March 11, not the Thursday after the recording.
    @Test func versionsWithoutTimesAreDatedByTheirDateline() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let lead = "WASHINGTON, March 10 (Reuters) - The two delegations will meet"
        let rest = "\n\nThe talks were announced on Wednesday, March 10, by the State Department.\n"
        let first = workspace.write("v1.txt", Array(("Talks set\n\n" + lead + " on Thursday in Anchorage." + rest).utf8))
        let second = workspace.write("v2.txt", Array(("Talks set\n\n" + lead + " on March 11 in Anchorage." + rest).utf8))
        for file in [first, second] {
            let recorded = try workspace.writethru(["record", "--story", "talks", file])
            #expect(recorded.status == 0, "\(recorded.stderr)")
        }
        let claims = try workspace.writethru(["claims", "talks", "1", "2", "--format", "json"])
        #expect(claims.status == 0, "\(claims.stderr)")
        #expect(!claims.stdout.contains("date-changed"), "\(claims.stdout)")
        #expect(claims.stdout.contains("\"kind\": \"reworded\""), "\(claims.stdout)")
    }

    @Test func parseListsTheClaimsOfEachSentence() throws {
        let result = try CommandRunner.run(CommandRunner.writethru, ["parse", "--claims", Fixtures.chain[4]], directory: Fixtures.root.path)
        #expect(result.status == 0)
        try expectMatches(result.stdout, expected: "parse-claims-seed.txt")
    }
}
