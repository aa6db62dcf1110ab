import Foundation
import StoryText
import TestSupport
import Testing
@testable import Writethru

/// The seed chain recorded version by version, one hour apart in recording time from
/// 2026-01-01T00:00:00Z, so that `--since` can cut it by recording time too.
private func seedArchive(story: StoryID = talks) throws -> TemporaryArchive {
    let temp = try TemporaryArchive()
    for (index, path) in Fixtures.chain.enumerated() {
        let at = Date(timeIntervalSince1970: 1_767_225_600 + Double(index) * 3600)
        _ = try temp.archive.record([try temp.input(path)],
                                    options: RecordOptions(story: story, revisionTime: nil, recordedAt: at))
    }
    return temp
}

/// A scratch directory for export outputs, removed when the test ends.
private final class Scratch {
    let path = NSTemporaryDirectory() + "writethru-export-" + UUID().uuidString
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
    var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

@Suite struct ExportSpanTests {
    @Test func aTextIsIntroducedByTheFirstVersionPrintingItAndRemovedByTheFirstThatDropsIt() {
        let (spans, rows) = TextSpans.trace([["a", "b"], ["a", "c"], ["c"], ["a", "c"]])
        #expect(spans.map(\.text) == ["a", "b", "c", "a"])
        #expect(spans.map(\.introduced) == [1, 1, 2, 4])
        #expect(spans.map(\.removed) == [3, 2, nil, nil])
        // "a" came back in version 4: a new span, the old one stays removed by version 3.
        #expect(rows == [[0, 1], [0, 2], [2], [3, 2]])
        #expect(spans.map(\.item) == [0, 1, 1, 0])
    }

    @Test func aSecondCopyOfATextIsItsOwnSpan() {
        let (spans, rows) = TextSpans.trace([["x", "x"], ["x"], ["x", "y", "x"]])
        #expect(spans.map(\.occurrence) == [1, 2, 1, 2])
        #expect(spans.map(\.introduced) == [1, 1, 3, 3])
        #expect(spans.map(\.removed) == [nil, 2, nil, nil])
        #expect(rows == [[0, 1], [0], [0, 2, 3]])
    }

    @Test func labelsTellArchivesApartByTheirLastPathComponents() {
        #expect(ArchiveLabels.labels(for: ["/data/news.git"]) == ["news"])
        #expect(ArchiveLabels.labels(for: ["/x/ap/2021.git", "/x/reuters/2021.git", "/x/ap/2022.git"])
                    == ["ap/2021", "reuters/2021", "ap/2022"])
        #expect(ArchiveLabels.labels(for: ["a.git", "./a.git/"]) == ["a", "a-2"])
    }

    @Test func summaryLineGroupsDigitsAndGivesSizesInDecimalUnits() {
        #expect(ExportSummary.grouped(10_000) == "10,000")
        #expect(ExportSummary.grouped(999) == "999")
        #expect(ExportSummary.grouped(1_234_567) == "1,234,567")
        #expect(ExportSummary.size(812) == "812 B")
        #expect(ExportSummary.size(23_140_000) == "23.1 MB")
        #expect(ExportSummary.size(999_990) == "1.0 MB")
        #expect(ExportSummary.tenths(41.25) == "41.3")
        #expect(ExportSummary.tenths(0.04) == "0.0")
        #expect(CSVSink.field("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(CSVSink.field("plain") == "plain")
        #expect(JSONLinesSink.quoted("a\"b\\\n\u{1}é") == "\"a\\\"b\\\\\\n\\u0001é\"")
    }
}

@Suite struct ExportTests {
    @Test func everyVersionsParagraphsAndSentencesAreTheSpansThatCoverIt() throws {
        let temp = try seedArchive()
        let scratch = try Scratch()
        let summary = try Archive.export([temp.archive], request: ExportRequest(sqlite: scratch.file("x.sqlite")))
        #expect(summary.stories == 1)
        #expect(summary.versionsInRange == 5)
        let db = try ExportedDatabase(path: scratch.file("x.sqlite"))
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.integer("PRAGMA user_version") == ExportSchema.version)
        let timeline = try temp.archive.timeline(story: talks)
        #expect(try db.rows("SELECT number, tag, git_commit FROM versions ORDER BY version_id")
                    == timeline.versions.map { [String($0.entry.number), $0.entry.tag, $0.entry.commit.hex] })
        for version in timeline.versions {
            let n = version.entry.number
            let printed = "introduced <= \(n) AND (removed IS NULL OR removed > \(n))"
            let paragraphs = try db.rows("SELECT text FROM paragraphs WHERE \(printed)").compactMap { $0[0] }
            #expect(paragraphs.sorted() == version.paragraphs.sorted(), "paragraphs of version \(n)")
            let sentences = try db.rows("SELECT text FROM sentences WHERE \(printed)").compactMap { $0[0] }
            #expect(sentences.sorted() == version.paragraphs.flatMap(SentenceSegmenter.sentences).sorted(),
                    "sentences of version \(n)")
            let claims = try db.integer("SELECT count(*) FROM claim_changes JOIN versions USING (version_id) "
                                            + "WHERE number = \(n)")
            #expect(claims == (version.step?.claims.count ?? 0), "claim changes of version \(n)")
            #expect(try db.integer("SELECT claim_changes FROM versions WHERE number = \(n)")
                        == version.step.map { $0.claims.count })
        }
        // A paragraph's introducing version printed it at its position; its removing version does not print it.
        for row in try db.rows("SELECT text, introduced, removed, position FROM paragraphs") {
            let introduced = try #require(row[1].flatMap { Int($0) })
            let position = try #require(row[3].flatMap { Int($0) })
            #expect(timeline.versions[introduced - 1].paragraphs[position - 1] == row[0])
            if let removed = row[2].flatMap({ Int($0) }), let text = row[0] {
                #expect(!timeline.versions[removed - 1].paragraphs.contains(text))
                #expect(timeline.versions[removed - 2].paragraphs.contains(text))
            }
        }
        // Each sentence's paragraph holds it, in the version that introduced the sentence.
        let mismatched = try db.integer("""
            SELECT count(*) FROM sentences s JOIN paragraphs p USING (paragraph_id)
            WHERE instr(p.text, s.text) = 0 OR p.introduced > s.introduced
            """)
        #expect(mismatched == 0)
        // The one undeclared change of the chain (seeds/README.md): update 2's date, March 19 -> March 18.
        let undeclared = try db.rows("""
            SELECT v.number, c.kind, c.from_value, c.to_value FROM audit_findings f JOIN claim_changes c
            USING (claim_change_id) JOIN versions v ON v.version_id = f.version_id WHERE f.kind = 'undeclared'
            """)
        #expect(undeclared == [["3", "date-changed", "March 19", "March 18"]])
        let found = try db.rows("SELECT text, status FROM audit_findings JOIN versions USING (version_id) "
                                    + "WHERE number = 5 AND kind = 'item' ORDER BY position")
        #expect(found == [["add: Chinese confirmation of talks", "found"], ["add: comment", "found"]])
        #expect(try db.integer("SELECT count(*) FROM audit_item_changes") ?? 0 > 0)
        let hits = try db.rows("SELECT text FROM sentences_fts WHERE sentences_fts MATCH 'Uighurs'")
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0[0]?.contains("Uighur") == true })
        #expect(try db.integer("SELECT count(*) FROM versions_fts WHERE versions_fts MATCH 'confirmation'") == 1)
    }

    @Test func theSameArchiveGivesTheSameBytesOfCSVAndJSONLinesAndTheSameRows() throws {
        let temp = try seedArchive()
        let scratch = try Scratch()
        var outputs: [[UInt8]] = []
        var rows: [[[String?]]] = []
        for run in 1...2 {
            var request = ExportRequest(sqlite: scratch.file("\(run).sqlite"), csv: scratch.file("csv\(run)"),
                                        jsonl: true, jsonlFile: scratch.file("\(run).jsonl"))
            request.workers = run  // one thread, then two: the order must not depend on them
            _ = try Archive.export([temp.archive], request: request)
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: scratch.file("\(run).jsonl"))))
            for table in ExportSchema.tables {
                bytes += Array(try Data(contentsOf: URL(fileURLWithPath: scratch.file("csv\(run)/\(table.name).csv"))))
            }
            outputs.append(bytes)
            let db = try ExportedDatabase(path: scratch.file("\(run).sqlite"))
            rows.append(try ExportSchema.tables.flatMap { try db.rows("SELECT * FROM [\($0.name)] ORDER BY 1, 2") })
        }
        #expect(outputs[0] == outputs[1])
        #expect(rows[0] == rows[1])
        #expect(rows[0].count > 100)
        // Neither run left a temporary file behind.
        #expect(!scratch.contents.contains { $0.hasSuffix(".tmp") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("csv1")).sorted()
                    == ExportSchema.tables.map { $0.name + ".csv" }.sorted())
    }

    @Test func csvAndJSONLinesHoldTheRowsOfTheDatabase() throws {
        let temp = try seedArchive()
        let scratch = try Scratch()
        _ = try Archive.export([temp.archive], request: ExportRequest(sqlite: scratch.file("x.sqlite"),
                                                                      csv: scratch.file("csv"), jsonl: true,
                                                                      jsonlFile: scratch.file("x.jsonl")))
        let db = try ExportedDatabase(path: scratch.file("x.sqlite"))
        let lines = try String(contentsOfFile: scratch.file("x.jsonl"), encoding: .utf8).split(separator: "\n")
        var byTable: [String: Int] = [:]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let table = try #require(object["table"] as? String)
            byTable[table, default: 0] += 1
            #expect(object["row"] is [String: Any])
        }
        for table in ExportSchema.tables {
            let count = try db.integer("SELECT count(*) FROM [\(table.name)]") ?? -1
            #expect(byTable[table.name, default: 0] == count, "\(table.name) in JSON Lines")
            let csv = try String(contentsOfFile: scratch.file("csv/\(table.name).csv"), encoding: .utf8)
            #expect(csv.hasPrefix(table.columns.map(\.name).joined(separator: ",") + "\r\n"))
            // Records end in CRLF; quoted fields may hold bare line breaks of their own, the seeds' do not.
            let records = csv.components(separatedBy: "\r\n").dropLast()
            #expect(records.count == count + 1, "\(table.name).csv has a header and a record per row")
        }
    }

    @Test func sinceKeepsTheVersionsInRangeAndTheContextTheyNeed() throws {
        let temp = try seedArchive()
        let scratch = try Scratch()
        // Versions 4 and 5 were updated at 13:37 and 18:18 on 2021-03-11, and recorded at 03:00 and
        // 04:00 on 2026-01-01 (the others before): either bound keeps the same two.
        let updated = try #require(Timestamp.parse("2021-03-11T13:00:00Z"))
        var request = ExportRequest(sqlite: scratch.file("updated.sqlite"), range: VersionRange(since: updated))
        #expect(try Archive.export([temp.archive], request: request).versionsInRange == 2)
        request = ExportRequest(sqlite: scratch.file("x.sqlite"),
                                range: VersionRange(recordedSince: Date(timeIntervalSince1970: 1_767_225_600 + 3 * 3600)))
        let summary = try Archive.export([temp.archive], request: request)
        #expect(summary.versionsInRange == 2)
        #expect(try ExportedDatabase(path: scratch.file("updated.sqlite")).rows("SELECT * FROM paragraphs")
                    == ExportedDatabase(path: scratch.file("x.sqlite")).rows("SELECT * FROM paragraphs"))
        let db = try ExportedDatabase(path: scratch.file("x.sqlite"))
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        let versions = try db.rows("SELECT number, in_range FROM versions ORDER BY number")
        #expect(versions.filter { $0[1] == "1" }.map { $0[0] } == ["4", "5"])
        // Version 3 is context: the claim changes of version 4 are against it.
        #expect(versions.contains(["3", "0"]))
        #expect(try db.rows("SELECT DISTINCT v.number FROM claim_changes JOIN versions v USING (version_id)") == [["4"], ["5"]])
        #expect(try db.integer("SELECT count(*) FROM audit_findings JOIN versions USING (version_id) WHERE in_range = 0") == 0)
        // Every paragraph kept is printed or removed by version 4 or 5.
        #expect(try db.integer("SELECT count(*) FROM paragraphs WHERE NOT ((removed IS NULL OR removed > 4) "
                                   + "OR removed IN (4, 5))") == 0)
        // ... and version 5's text is all there.
        let timeline = try temp.archive.timeline(story: talks)
        let latest = try db.rows("SELECT text FROM paragraphs WHERE removed IS NULL").compactMap { $0[0] }
        #expect(latest.sorted() == (timeline.versions.last?.paragraphs ?? []).sorted())
        // A time after every version exports no story.
        request.range = VersionRange(since: updated, recordedSince: Date(timeIntervalSince1970: 1_800_000_000))
        request.sqlite = scratch.file("none.sqlite")
        let none = try Archive.export([temp.archive], request: request)
        #expect(none.stories == 0)
        #expect(try ExportedDatabase(path: scratch.file("none.sqlite")).integer("SELECT count(*) FROM versions") == 0)
    }

    @Test func severalArchivesKeepStoryKeysApart() throws {
        let first = try seedArchive()
        let second = try seedArchive()
        let scratch = try Scratch()
        var request = ExportRequest(sqlite: scratch.file("x.sqlite"))
        request.stories = [talks]
        let summary = try Archive.export([first.archive, second.archive], request: request)
        #expect(summary.stories == 2)
        let db = try ExportedDatabase(path: scratch.file("x.sqlite"))
        let stories = try db.rows("SELECT archive_id, story, key FROM stories ORDER BY story_id")
        let labels = ArchiveLabels.labels(for: [first.path, second.path])
        #expect(stories == [["1", "us-china-alaska-talks", labels[0] + "/us-china-alaska-talks"],
                            ["2", "us-china-alaska-talks", labels[1] + "/us-china-alaska-talks"]])
        #expect(try db.integer("SELECT count(DISTINCT story_id) FROM versions") == 2)
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        // The second story's rows point at the second story's versions, not the first's.
        #expect(try db.integer("""
            SELECT count(*) FROM paragraphs p JOIN versions v ON v.version_id = p.introduced_version_id
            WHERE v.story_id != p.story_id
            """) == 0)
    }

    @Test func anExistingFileIsKeptUnlessReplacingAndAnUnknownStoryIsNotFound() throws {
        let temp = try seedArchive()
        let scratch = try Scratch()
        let path = scratch.file("x.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: WritethruError.cannotWrite(path: path, reason: "it exists (give --force to replace it)")) {
            try Archive.export([temp.archive], request: ExportRequest(sqlite: path))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        var request = ExportRequest(sqlite: path, replacing: true)
        request.stories = [try StoryID(validating: "no-such-story")]
        #expect(throws: WritethruError.notFound("no story 'no-such-story' in the archive")) {
            try Archive.export([temp.archive], request: request)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        request.stories = []
        _ = try Archive.export([temp.archive], request: request)
        #expect(try ExportedDatabase(path: path).integer("SELECT count(*) FROM versions") == 5)
        #expect(scratch.contents == ["x.sqlite"])
    }
}

@Suite struct ExportFailureTests {
    /// `git` with `arguments`, its standard output trimmed.
    static func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aStoryThatCannotBeReadFailsTheExportAndLeavesNoOutput() throws {
        let temp = try seedArchive()
        let scratch = try Scratch()
        // The latest version's article.md is lost from the object store (a damaged archive).
        let blob = try Self.git(["--git-dir", temp.path, "rev-parse", "stories/us-china-alaska-talks:article.md"])
        try #require(blob.count == 40)
        try FileManager.default.removeItem(atPath: temp.path + "/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2))
        let request = ExportRequest(sqlite: scratch.file("x.sqlite"), csv: scratch.file("csv"), jsonl: true,
                                    jsonlFile: scratch.file("x.jsonl"))
        do {
            _ = try Archive.export([temp.archive], request: request)
            Issue.record("the export of a damaged archive succeeded")
        } catch {
            #expect(error.exitCode == 74, "\(error)")
        }
        // No database, no JSON Lines, no CSV directory (the export made it, and removed it), no temporary file.
        #expect(scratch.contents == [])
    }
}
