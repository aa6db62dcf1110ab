import Foundation
import TestSupport
import Testing

/// `writethru changes --since TIME` on an archive of three stories recorded at several fixed
/// recording times (as a desk's day would record them): which updates are listed, in which
/// order, by recording time and not by the versions' own; text byte for byte, JSON and JSON
/// Lines agreeing; relative times with a fixed now; several archives.
@Suite struct ChangesCommandTests {
    /// Records `files` into `story` of `archive` as recorded at `recordedAt`.
    static func record(_ archive: String, story: String, at recordedAt: String, _ files: [String]) throws {
        let result = try CommandRunner.run(CommandRunner.writethru, ["record", "--archive", archive, "--story", story] + files,
                                           environment: ["WRITETHRU_RECORDED_AT": recordedAt], directory: Fixtures.root.path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The seed chain's first three versions on the evening of January 14, a plant closure
    /// at night, a council vote the next morning, then the seed chain's last two versions.
    static func desk() throws -> Workspace {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let chain = Fixtures.chain
        try record(workspace.archive, story: "us-china-alaska-talks", at: "2026-01-14T18:00:00Z", Array(chain[0..<3]))
        let plant = [
            workspace.write("plant-1.txt", Array("Plant closes\n\nThe plant will close in June, the company said. About 300 jobs will go.\n".utf8)),
            workspace.write("plant-2.txt", Array("UPDATE 1-Plant closes\n\n(Updates number of jobs)\n\nThe plant will close in June, the company said. About 450 jobs will go.\n".utf8)),
        ]
        try record(workspace.archive, story: "plant-closes", at: "2026-01-14T22:15:00Z", plant)
        let council = workspace.write("council.txt", Array("""
            Council backs tram line

            The city council voted 31 to 12 on Thursday to build the tram line, the mayor said.

            """.utf8))
        try record(workspace.archive, story: "council-tram", at: "2026-01-15T06:40:00Z", [council])
        try record(workspace.archive, story: "us-china-alaska-talks", at: "2026-01-15T07:05:00Z", Array(chain[3...]))
        return workspace
    }

    static func changes(_ workspace: Workspace, _ arguments: [String], now: String = "2026-01-15T08:00:00Z") throws -> CommandResult {
        try CommandRunner.writethru(["changes"] + arguments + ["--archive", workspace.archive],
                                    environment: ["COLUMNS": "100", "WRITETHRU_NOW": now])
    }

    struct Report: Decodable {
        struct Update: Decodable {
            struct Audit: Decodable { let undeclared: [Change]; let notFound: [String]; let flags: [String] }
            struct Change: Decodable { let kind: String }
            let story: String, version: Int, tag: String?, title: String, recorded: String
            let audit: Audit?
        }
        struct Story: Decodable { let archive: String?; let story: String; let headline: String; let updates: [Update] }
        let schema: String
        let since: String
        let updates: Int
        let stories: [Story]
    }

    static func report(_ workspace: Workspace, _ arguments: [String]) throws -> Report {
        let result = try changes(workspace, arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    }

    @Test func theMorningsChangesByteForByte() throws {
        let workspace = try Self.desk()
        let result = try Self.changes(workspace, ["--since", "2026-01-15T00:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try expectMatches(result.stdout, expected: "changes-morning.txt")
        let json = try Self.changes(workspace, ["--since", "2026-01-15T00:00:00Z", "--format", "json"])
        try expectMatches(json.stdout, expected: "changes-morning.json")
        #expect(try SchemaCheck.problems(in: json.stdout, schema: "changes") == [])
        let day = try Self.changes(workspace, ["--since", "2026-01-14", "--format", "json"])
        #expect(try SchemaCheck.problems(in: day.stdout, schema: "changes") == [])
        let lines = try Self.changes(workspace, ["--since", "2026-01-15T00:00:00Z", "--format", "jsonl"])
        try expectMatches(lines.stdout, expected: "changes-morning.jsonl")
    }

    @Test func storiesByTheirNewestRecordingVersionsInOrder() throws {
        let workspace = try Self.desk()
        let morning = try Self.report(workspace, ["--since", "2026-01-15T00:00:00Z"])
        #expect(morning.schema == "writethru.changes/1")
        #expect(morning.since == "2026-01-15T00:00:00Z")
        // The seed chain's UPDATE 3 and 4 were recorded last (07:05), the council vote at 06:40;
        // the plant, recorded the night before, is not listed.
        #expect(morning.stories.map(\.story) == ["us-china-alaska-talks", "council-tram"])
        #expect(morning.stories.map { $0.updates.map(\.version) } == [[4, 5], [1]])
        #expect(morning.updates == 3)
        #expect(morning.stories[0].updates.map(\.title) == [
            "UPDATE 3: as many as 1 million Uighurs → more than a million Uighurs; new headline; adds 5 claims",
            "UPDATE 4: said → confirmed; adds 1 claim; 4 other changes",
        ])
        #expect(morning.stories[0].headline == "Top U.S., China diplomats to hold first in-person talks of Biden presidency")
        let day = try Self.report(workspace, ["--since", "2026-01-14"])
        #expect(day.stories.map(\.story) == ["us-china-alaska-talks", "council-tram", "plant-closes"])
        #expect(day.stories.map { $0.updates.map(\.version) } == [[1, 2, 3, 4, 5], [1], [1, 2]])
        // At the recording time itself: included.
        let exact = try Self.report(workspace, ["--since", "2026-01-15T07:05:00Z"])
        #expect(exact.stories.map { $0.updates.map(\.version) } == [[4, 5]])
    }

    @Test func recordingTimeNotTheVersionsOwn() throws {
        let workspace = try Self.desk()
        // Every seed version is dated March 2021; what counts is when it was recorded.
        let evening = try Self.report(workspace, ["--since", "2026-01-14T17:00:00Z"])
        #expect(evening.stories.first { $0.story == "us-china-alaska-talks" }?.updates.count == 5)
        #expect(evening.stories.flatMap(\.updates).allSatisfy { $0.recorded >= "2026-01-14T17:00:00Z" })
    }

    @Test func relativeTimesCountBackFromNow() throws {
        let workspace = try Self.desk()
        // Now is 08:00: 90m is 06:30 (the council vote and the two seed updates), 1h is 07:00.
        let relative = try Self.changes(workspace, ["--since", "90m"])
        #expect(relative.status == 0)
        let absolute = try Self.changes(workspace, ["--since", "2026-01-15T06:30:00Z"])
        #expect(relative.stdout == absolute.stdout)
        #expect(relative.stdout.hasPrefix("3 updates to 2 stories recorded since 2026-01-15T06:30:00Z\n"))
        #expect(try Self.report(workspace, ["--since", "1h"]).stories.map(\.story) == ["us-china-alaska-talks"])
        #expect(try Self.report(workspace, ["--since", "1w"]).updates == 8)
    }

    @Test func nothingSinceIsOneLineAndExitZero() throws {
        let workspace = try Self.desk()
        let text = try Self.changes(workspace, ["--since", "2026-01-16"])
        #expect(text.status == 0)
        #expect(text.stdout == "no updates recorded since 2026-01-16T00:00:00Z\n")
        let json = try Self.report(workspace, ["--since", "2026-01-16"])
        #expect(json.stories.isEmpty && json.updates == 0)
        let lines = try Self.changes(workspace, ["--since", "2026-01-16", "--format", "jsonl"])
        #expect(lines.status == 0 && lines.stdout.isEmpty)
    }

    @Test func undeclaredOnlyKeepsTheUpdatesWithAnUndeclaredChange() throws {
        let workspace = try Self.desk()
        let report = try Self.report(workspace, ["--since", "2026-01-14", "--undeclared-only"])
        #expect(report.stories.map(\.story) == ["us-china-alaska-talks"])
        #expect(report.stories.first?.updates.map(\.version) == [3])
        #expect(report.stories.first?.updates.first?.audit?.undeclared.map(\.kind) == ["date-changed"])
        let text = try Self.changes(workspace, ["--since", "2026-01-14", "--undeclared-only"])
        #expect(text.stdout.hasPrefix("1 update with audit findings to 1 story recorded since 2026-01-14T00:00:00Z\n"))
        #expect(text.stdout.contains("    UNDECLARED ¶1 date-changed: date changed (March 19 -> March 18)\n"))
        let none = try Self.changes(workspace, ["--since", "2026-01-15", "--undeclared-only"])
        #expect(none.stdout == "no updates with audit findings recorded since 2026-01-15T00:00:00Z\n")
    }

    /// `--undeclared-only` keeps what `feed --undeclared-only` keeps: any audit finding, a flag
    /// too. Before, an update with only a flag (CORRECTED with no visible correction) was left out.
    @Test func undeclaredOnlyKeepsAFlaggedUpdateAsTheFeedDoes() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let body = "SPRINGFIELD (Reuters) - Mayor Ann Lee opened the new river bridge on Monday, officials said.\n\n"
            + "The bridge cost $40 million to build.\n"
        let first = workspace.write("v1.txt", Array(("Mayor opens new bridge\n\n" + body).utf8))
        let corrected = workspace.write("v2.txt", Array(("CORRECTED-Mayor opens new bridge\n\n" + body).utf8))
        for (file, time) in [(first, "2024-05-01T08:00:00Z"), (corrected, "2024-05-01T09:00:00Z")] {
            let recorded = try CommandRunner.writethru(["record", "--archive", workspace.archive, "--story", "bridge",
                                                        "--at", time, file],
                                                       environment: ["WRITETHRU_RECORDED_AT": "2026-01-15T07:00:00Z"])
            #expect(recorded.status == 0, "\(recorded.stderr)")
        }
        let report = try Self.report(workspace, ["--since", "2026-01-15", "--undeclared-only"])
        #expect(report.stories.first?.updates.map(\.version) == [2])
        #expect(report.stories.first?.updates.first?.audit?.flags == ["CORRECTED but no visible correction"])
        let feed = try workspace.writethru(["feed", "bridge", "--undeclared-only"]).stdout
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 1)
        #expect(feed.contains(":bridge/") && feed.contains("Flag: CORRECTED but no visible correction"))
    }

    @Test func jsonLinesHoldTheJSONUpdatesWithTheirArchive() throws {
        let workspace = try Self.desk()
        let json = try Self.changes(workspace, ["--since", "2026-01-14", "--format", "json"])
        let lines = try Self.changes(workspace, ["--since", "2026-01-14", "--format", "jsonl"])
        #expect(lines.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stories = try #require(document["stories"] as? [[String: Any]])
        let updates = stories.flatMap { ($0["updates"] as? [[String: Any]]) ?? [] }
        let objects = try lines.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 8 && updates.count == 8)
        for (object, update) in zip(objects, updates) {
            #expect(object["archive"] is NSNull)
            var rest = object
            rest.removeValue(forKey: "archive")
            #expect(NSDictionary(dictionary: rest).isEqual(to: update))
        }
    }

    @Test func severalArchivesAreNamedAndMerged() throws {
        let first = try Self.desk()
        let second = try Workspace()
        #expect(try second.writethru(["init"]).status == 0)
        let note = second.write("note.txt", Array("Harbour reopens\n\nThe harbour reopened on Friday after 3 days, the port said.\n".utf8))
        try Self.record(second.archive, story: "harbour-reopens", at: "2026-01-15T06:50:00Z", [note])
        let result = try CommandRunner.writethru(["changes", "--since", "2026-01-15", "--format", "json",
                                                  "--archive", first.archive, "--archive", second.archive])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.stories.map(\.story) == ["us-china-alaska-talks", "harbour-reopens", "council-tram"])
        #expect(report.stories.map(\.archive) == [first.archive, second.archive, first.archive])
    }

    @Test func sinceIsRequiredAndAnUnknownFormatRefused() throws {
        let workspace = try Self.desk()
        let missing = try workspace.writethru(["changes"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("writethru: error: "))
        let markdown = try workspace.writethru(["changes", "--since", "1d", "--format", "markdown"])
        #expect(markdown.status == 64)
    }
}
