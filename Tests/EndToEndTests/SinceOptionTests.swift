import Foundation
import TestSupport
import Testing

/// `--since TIME` on `timeline`, `audit` and `stories`: absolute times (ISO 8601, a date alone)
/// and times before now (`45m`, `2h`, `3d`, `1w`) with now fixed by WRITETHRU_NOW; the versions
/// shown, what the header says of them, the audit's exit status for what it shows, and one
/// line with exit 64 for a time that is not one.
@Suite struct SinceOptionTests {
    static let story = "us-china-alaska-talks"

    /// Runs writethru on `workspace`'s archive with now fixed at `now`.
    static func run(_ workspace: Workspace, _ arguments: [String], now: String = "2021-03-11T19:00:00Z") throws -> CommandResult {
        try CommandRunner.writethru(arguments + ["--archive", workspace.archive],
                                    environment: ["COLUMNS": "100", "WRITETHRU_NOW": now])
    }

    @Test func timelineSinceShowsTheLaterVersionsEachAgainstTheOneBefore() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try Self.run(workspace, ["timeline", Self.story, "--since", "2021-03-11T12:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        try expectMatches(result.stdout, expected: "timeline-since.txt")
        #expect(result.stdout.hasPrefix("us-china-alaska-talks: 2 of 5 versions since 2021-03-11T12:00:00Z, "))
        // UPDATE 3 is still compared with UPDATE 2, which is not shown: its gap and headline change.
        #expect(result.stdout.contains("v4 UPDATE 3  2021-03-11T13:37:00Z  (+3h 35m)"))
        #expect(!result.stdout.contains("v3 UPDATE 2"))
    }

    @Test func relativeTimesCountBackFromNow() throws {
        let workspace = try Workspace.withSeedChain()
        // Now is 19:00: 6h is 13:00 (UPDATE 3 and 4), 45m is 18:15 (UPDATE 4), 1w everything.
        let cases: [(String, String, [Int])] = [
            ("6h", "2021-03-11T13:00:00Z", [4, 5]), ("45m", "2021-03-11T18:15:00Z", [5]),
            ("1w", "2021-03-04T19:00:00Z", [1, 2, 3, 4, 5]), ("1d", "2021-03-10T19:00:00Z", [1, 2, 3, 4, 5]),
            ("0m", "2021-03-11T19:00:00Z", []),
        ]
        for (relative, absolute, numbers) in cases {
            let text = try Self.run(workspace, ["timeline", Self.story, "--since", relative])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.hasPrefix("us-china-alaska-talks: \(numbers.count) of 5 versions since \(absolute)"),
                    "\(relative): \(text.stdout.prefix(120))")
            // The same as the absolute time it stands for, byte for byte.
            #expect(try Self.run(workspace, ["timeline", Self.story, "--since", absolute]).stdout == text.stdout)
            let json = try Self.run(workspace, ["timeline", Self.story, "--since", relative, "--format", "json"])
            #expect(try Self.versionNumbers(json.stdout) == numbers, "\(relative)")
        }
    }

    @Test func aDateAloneIsItsFirstSecond() throws {
        let workspace = try Workspace.withSeedChain()
        let whole = try Self.run(workspace, ["timeline", Self.story, "--since", "2021-03-11", "--format", "json"])
        #expect(try Self.versionNumbers(whole.stdout) == [1, 2, 3, 4, 5])
        let none = try Self.run(workspace, ["timeline", Self.story, "--since", "2021-03-12"])
        #expect(none.status == 0)
        #expect(none.stdout == "us-china-alaska-talks: 0 of 5 versions since 2021-03-12T00:00:00Z\n")
    }

    @Test func jsonKeepsEachShownVersionsGapToTheOneBefore() throws {
        let workspace = try Workspace.withSeedChain()
        let json = try Self.run(workspace, ["timeline", Self.story, "--since", "2021-03-11T12:00:00Z", "--format", "json"])
        struct Timeline: Decodable {
            struct Version: Decodable { let number: Int; let sincePrevious: Int?; let previousHeadline: String? }
            let schema: String
            let versions: [Version]
        }
        let timeline = try JSONDecoder().decode(Timeline.self, from: Data(json.stdout.utf8))
        #expect(timeline.schema == "writethru.timeline/1")
        #expect(timeline.versions.map(\.number) == [4, 5])
        #expect(timeline.versions.map(\.sincePrevious) == [12_900, 16_860])
        #expect(timeline.versions.first?.previousHeadline == "Top U.S., China diplomats to hold first in-person talks in Alaska")
        let markdown = try Self.run(workspace, ["timeline", Self.story, "--since", "2021-03-11T12:00:00Z", "--format", "markdown"])
        #expect(markdown.stdout.contains("2 of 5 versions since 2021-03-11T12:00:00Z"))
        #expect(markdown.stdout.contains("## v4 UPDATE 3 · 2021-03-11T13:37:00Z (+3h 35m)"))
        #expect(!markdown.stdout.contains("## v3"))
    }

    @Test func auditExitsTwoOnlyForWhatItShows() throws {
        let workspace = try Workspace.withSeedChain()
        // The planted undeclared date change is UPDATE 2's (10:02).
        let later = try Self.run(workspace, ["audit", Self.story, "--since", "2021-03-11T12:00:00Z"])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.hasPrefix("audit of us-china-alaska-talks: 2 of 4 updates since 2021-03-11T12:00:00Z\n"))
        #expect(!later.stdout.contains("UNDECLARED"))
        #expect(later.stdout.hasSuffix("\n0 undeclared substantive changes, 0 flags\n"))
        let earlier = try Self.run(workspace, ["audit", Self.story, "--since", "9h"])
        #expect(earlier.status == 2)
        #expect(earlier.stdout.hasPrefix("audit of us-china-alaska-talks: 3 of 4 updates since 2021-03-11T10:00:00Z\n"))
        #expect(earlier.stdout.contains("UNDECLARED ¶1 date-changed: date changed (March 19 -> March 18)"))
        let json = try Self.run(workspace, ["audit", Self.story, "--since", "2021-03-11T12:00:00Z", "--format", "json"])
        #expect(json.status == 0)
        #expect(try Self.versionNumbers(json.stdout) == [4, 5])
        // Without --since, everything, as before.
        #expect(try Self.run(workspace, ["audit", Self.story]).status == 2)
    }

    @Test func storiesTakeRelativeTimes() throws {
        let workspace = try Workspace.withSeedChain()
        let recent = try Self.run(workspace, ["stories", "--since", "1d", "--format", "json"], now: "2021-03-12T06:00:00Z")
        #expect(recent.status == 0, "\(recent.stderr)")
        #expect(recent.stdout.contains("\"story\": \"us-china-alaska-talks\""))
        let old = try Self.run(workspace, ["stories", "--since", "3d", "--format", "json"], now: "2021-03-20T06:00:00Z")
        #expect(old.stdout == "[]\n")
    }

    @Test func searchTakesRelativeTimesToo() throws {
        let workspace = try Workspace.withSeedChain()
        // Now is 19:00; 7h is 12:00, as SearchCommandTests asks with the absolute time.
        let relative = try Self.run(workspace, ["search", "Uighurs", "--since", "7h", "--format", "json"])
        let absolute = try Self.run(workspace, ["search", "Uighurs", "--since", "2021-03-11T12:00:00Z", "--format", "json"])
        #expect(relative.status == 0, "\(relative.stderr)")
        #expect(relative.stdout == absolute.stdout)
        #expect(relative.stdout.contains("\"total\": 3"))
    }

    @Test(arguments: ["5x", "yesterday", "3 d", "", "1000000h", "2021-13-45"])
    func aTimeThatIsNotOneIsOneLineAndExit64(time: String) throws {
        let workspace = try Workspace.withSeedChain()
        for command in [["timeline", Self.story], ["audit", Self.story], ["stories"], ["changes"]] {
            let result = try Self.run(workspace, command + ["--since", time])
            #expect(result.status == 64, "\(command) --since '\(time)': \(result.stdout)")
            #expect(result.stderr.hasPrefix("writethru: error: --since '\(time)' is not a date or time"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func aBadNowIsOneLineAndExit64() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try Self.run(workspace, ["timeline", Self.story, "--since", "2h"], now: "tomorrow")
        #expect(result.status == 64)
        #expect(result.stderr == "writethru: error: WRITETHRU_NOW 'tomorrow' is not an ISO 8601 time with zone\n")
        // An absolute time does not read the clock.
        #expect(try Self.run(workspace, ["timeline", Self.story, "--since", "2021-03-11"], now: "tomorrow").status == 0)
    }

    @Test func htmlRefusesSince() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try Self.run(workspace, ["timeline", Self.story, "--since", "2h", "--format", "html"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("writethru: error: --since does not apply to --format html"))
    }

    /// The `number` of each element of the document's `versions`.
    static func versionNumbers(_ json: String) throws -> [Int] {
        struct Document: Decodable {
            struct Version: Decodable { let number: Int }
            let versions: [Version]
        }
        return try JSONDecoder().decode(Document.self, from: Data(json.utf8)).versions.map(\.number)
    }
}
