import Foundation
import TestSupport
import Testing

/// `--color auto` and the environment (README, "Environment"): NO_COLOR refuses colour and wins
/// over FORCE_COLOR and CLICOLOR_FORCE, which turn it on without a terminal unless empty or 0;
/// `--color always` and `never` outrank them all. The tests' output is a pipe, never a terminal.
@Suite struct ColorEnvironmentTests {
    static let unset = ["NO_COLOR": "", "FORCE_COLOR": "", "CLICOLOR_FORCE": "", "TERM": "xterm-256color"]

    @Test(arguments: [
        ([:], [], false),
        (["FORCE_COLOR": "1"], [], true),
        (["FORCE_COLOR": "3"], [], true),
        (["FORCE_COLOR": "true"], [], true),
        (["FORCE_COLOR": "0"], [], false),
        (["CLICOLOR_FORCE": "1"], [], true),
        (["CLICOLOR_FORCE": "0"], [], false),
        (["FORCE_COLOR": "1", "NO_COLOR": "1"], [], false),
        (["CLICOLOR_FORCE": "1", "NO_COLOR": "yes"], [], false),
        (["FORCE_COLOR": "1", "TERM": "dumb"], [], true),
        (["TERM": "dumb"], [], false),
        (["FORCE_COLOR": "1"], ["--color", "never"], false),
        (["NO_COLOR": "1"], ["--color", "always"], true),
        (["FORCE_COLOR": "1"], ["--color", "auto"], true),
    ] as [([String: String], [String], Bool)])
    func colourFollowsTheEnvironment(environment: [String: String], options: [String], coloured: Bool) throws {
        let seeds = Fixtures.root.appendingPathComponent("seeds/us-china-alaska-talks").path
        let result = try CommandRunner.writethru(
            ["diff", "--files", seeds + "/02-update-1.txt", seeds + "/03-update-2.txt"] + options,
            environment: Self.unset.merging(environment) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\u{1B}[") == coloured, "\(environment) \(options)")
        // Coloured or not, the words are the same.
        let plain = result.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(plain.contains("Uighurs"))
    }

    /// The timeline colours by the same rule.
    @Test func theTimelineIsColouredWhenForced() throws {
        let workspace = try Workspace.withSeedChain()
        let forced = try CommandRunner.writethru(["timeline", "us-china-alaska-talks", "--archive", workspace.archive],
                                                 environment: Self.unset.merging(["FORCE_COLOR": "1"]) { $1 })
        #expect(forced.stdout.contains("\u{1B}[1mv5 UPDATE 4\u{1B}[0m"))
        let refused = try CommandRunner.writethru(["timeline", "us-china-alaska-talks", "--archive", workspace.archive],
                                                  environment: Self.unset.merging(["FORCE_COLOR": "1", "NO_COLOR": "1"]) { $1 })
        #expect(!refused.stdout.contains("\u{1B}["))
    }
}
