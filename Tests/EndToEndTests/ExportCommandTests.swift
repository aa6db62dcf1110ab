import Foundation
import TestSupport
import Testing

/// `writethru export` run as a user runs it, on the seed chain: the outputs, the summary, the
/// same bytes on every run, and one line and the documented exit code for each bad input.
@Suite struct ExportCommandTests {
    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func writesEveryFormatTheSameWayEveryRunAndSaysWhatItWrote() throws {
        let workspace = try Workspace.withSeedChain()
        let dir = workspace.directory
        var outputs: [[UInt8]] = []
        for run in 1...2 {
            let result = try workspace.writethru(["export", "--sqlite", "\(dir)/\(run).sqlite", "--csv", "\(dir)/csv\(run)",
                                                  "--jsonl", "-o", "\(dir)/\(run).jsonl"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            // exported 5 versions of 1 story to X.sqlite (225.3 KB), DIR (27.9 KB), X.jsonl (52.3 KB) in 0.1 s
            let line = result.stderr
            #expect(line.hasPrefix("exported 5 versions of 1 story to \(dir)/\(run).sqlite ("), "\(line)")
            #expect(line.contains("\(dir)/csv\(run) (") && line.contains("\(dir)/\(run).jsonl ("), "\(line)")
            #expect(line.range(of: #" KB\), .* in [0-9]+\.[0-9] s\n$"#, options: .regularExpression) != nil, "\(line)")
            #expect(line.split(separator: "\n").count == 1)
            var bytes = try Self.bytes("\(dir)/\(run).jsonl")
            for table in ["archives", "stories", "versions", "paragraphs", "sentences", "claim_changes",
                          "audit_findings", "audit_item_changes"] {
                bytes += try Self.bytes("\(dir)/csv\(run)/\(table).csv")
            }
            outputs.append(bytes)
        }
        #expect(outputs[0] == outputs[1])
        let header = try String(contentsOfFile: "\(dir)/csv1/versions.csv", encoding: .utf8).prefix { $0 != "\r\n" }
        #expect(header.hasPrefix("version_id,story_id,number,tag,headline,previous_headline,advisory,updated,recorded,"))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir)).contains { $0.hasSuffix(".tmp") })
    }

    @Test func jsonLinesGoToStandardOutputOneRowALine() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["export", "--jsonl", "--story", "us-china-alaska-talks"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        var tables: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            tables.append(try #require(object["table"] as? String))
            #expect(object.keys.sorted() == ["row", "table"])
        }
        #expect(tables.first == "archives")
        #expect(tables.filter { $0 == "versions" }.count == 5)
        #expect(tables.filter { $0 == "stories" }.count == 1)
        let first = try #require(lines.first)
        #expect(first.hasPrefix(#"{"table": "archives", "row": {"archive_id": 1, "label": "archive", "path": "#))
        #expect(result.stderr.hasPrefix("exported 5 versions of 1 story to standard output in "))
    }

    /// `--since` and `--recorded-since` read times as every `--since` does, a time before now
    /// (`1h`, `2d`) included; before, export had its own parser and refused them (exit 64).
    @Test func timesBeforeNowAreRead() throws {
        let workspace = try Workspace.withSeedChain()
        func export(_ arguments: [String], now: String) throws -> CommandResult {
            try CommandRunner.writethru(["export", "--jsonl", "--archive", workspace.archive] + arguments,
                                        environment: ["WRITETHRU_NOW": now])
        }
        // The seed chain was recorded at 2026-01-15T09:30:00Z.
        let recent = try export(["--recorded-since", "1h"], now: "2026-01-15T10:00:00Z")
        #expect(recent.status == 0, "\(recent.stderr)")
        #expect(recent.stderr.hasPrefix("exported 5 versions of 1 story"), "\(recent.stderr)")
        let later = try export(["--recorded-since", "1h"], now: "2026-01-15T11:00:00Z")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stderr.hasPrefix("exported 0 versions"), "\(later.stderr)")
        // Versions dated 10:02 and after (UPDATE 2, 3, 4): 9 hours before 19:02.
        let dated = try export(["--since", "9h"], now: "2021-03-11T19:02:00Z")
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(dated.stderr.hasPrefix("exported 3 versions of 1 story"), "\(dated.stderr)")
    }

    struct Summary: Decodable {
        struct Output: Decodable { let format: String, path: String, bytes: Int }
        let schema: String, archives: Int, stories: Int, versions: Int
        let rows: [String: Int]
        let outputs: [Output]
    }

    @Test func formatJSONGivesTheSummaryOnStandardOutput() throws {
        let workspace = try Workspace.withSeedChain()
        let path = workspace.directory + "/x.sqlite"
        let result = try workspace.writethru(["export", "--sqlite", path, "--format", "json",
                                              "--since", "2021-03-11T13:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try SchemaCheck.problems(in: result.stdout, schema: "export-summary") == [])
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
        #expect(summary.schema == "writethru.export-summary/1")
        #expect(summary.versions == 2)  // UPDATE 3 (13:37) and UPDATE 4 (18:18)
        #expect(summary.stories == 1)
        #expect((summary.rows["versions"] ?? 0) > 2)  // with the versions before as context
        #expect(summary.outputs.map(\.format) == ["sqlite"])
        #expect(summary.outputs.first?.bytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        // The file is a database the sqlite3 shell opens, with its full-text tables, when the shell is installed.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let shell = try CommandRunner.run("/usr/bin/sqlite3", [path, "PRAGMA foreign_key_check;",
                                                                   "SELECT count(*) FROM versions WHERE in_range = 1;",
                                                                   "SELECT count(*) > 0 FROM sentences_fts WHERE sentences_fts MATCH 'talks';"])
            #expect(shell.status == 0, "\(shell.stderr)")
            #expect(shell.stdout == "2\n1\n")
        }
    }

    @Test(arguments: [
        (["export"], Int32(64), "export needs an output"),
        (["export", "-o", "x.jsonl", "--sqlite", "x.sqlite"], 64, "-o names the file for --jsonl"),
        (["export", "--jsonl", "--format", "json"], 64, "--format json prints the summary on standard output"),
        (["export", "--sqlite", "x.out", "--jsonl", "-o", "./x.out"], 64, "must name different paths"),
        (["export", "--jsonl", "--since", "last tuesday"], 64, "--since 'last tuesday' is not a date or time"),
        (["export", "--jsonl", "--story", "../x"], 64, "invalid story id"),
        (["export", "--jsonl", "--story", "no-such-story"], 67, "no story 'no-such-story' in the archive"),
    ])
    func badInputIsOneLineAndItsExitCode(arguments: [String], status: Int32, message: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == status, "\(result.stderr)")
        // With --format json the error line is JSON (docs/decisions/0040-json-errors.md).
        let prefix = arguments.contains("json") ? "{\"error\": {\"code\": \(status), \"message\": " : "writethru: error: "
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anExistingFileIsRefusedWithoutForceAndNothingIsLeftHalfWritten() throws {
        let workspace = try Workspace.withSeedChain()
        let path = workspace.write("x.sqlite", Array("an older export".utf8))
        let refused = try workspace.writethru(["export", "--sqlite", path])
        #expect(refused.status == 73)
        #expect(refused.stderr == "writethru: error: cannot write \(path): it exists (give --force to replace it)\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "an older export")
        let missing = try workspace.writethru(["export", "--sqlite", workspace.directory + "/no/such/dir/x.sqlite"])
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("no directory"))
        let notAnArchive = try CommandRunner.writethru(["export", "--jsonl", "--archive", workspace.directory + "/none.git"])
        #expect(notAnArchive.status == 68)
        let forced = try workspace.writethru(["export", "--sqlite", path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.bytes(path).starts(with: Array("SQLite format 3".utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.directory).filter { $0.hasSuffix(".tmp") }
                    .isEmpty)
    }

    @Test func severalArchivesAreOneExportWithKeysThatNameTheArchive() throws {
        let first = try Workspace.withSeedChain()
        let second = try Workspace.withSeedChain()
        let result = try CommandRunner.writethru(["export", "--jsonl", "--archive", first.archive, "--archive",
                                                  second.archive])
        #expect(result.status == 0, "\(result.stderr)")
        let keys = result.stdout.split(separator: "\n").filter { $0.hasPrefix(#"{"table": "stories""#) }
            .compactMap { line -> String? in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return (object?["row"] as? [String: Any])?["key"] as? String
            }
        let labels = [first, second].map { URL(fileURLWithPath: $0.directory).lastPathComponent + "/archive" }
        #expect(keys == labels.map { $0 + "/us-china-alaska-talks" })
        #expect(result.stderr.hasPrefix("exported 10 versions of 2 stories from 2 archives to standard output"))
    }
}
