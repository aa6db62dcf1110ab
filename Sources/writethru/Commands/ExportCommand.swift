import ArgumentParser
import Foundation
import StoryText
import Writethru
import WritethruRender

struct Export: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "export",
        abstract: """
            Write archives as tables for Datasette, sqlite-utils or a spreadsheet: SQLite, CSV or JSON Lines.
            """,
        discussion: """
            Tables: archives, stories, versions, paragraphs and sentences (with the versions that \
            introduced and removed them), claim_changes, audit_findings, audit_item_changes; the SQLite \
            database adds full-text tables (sentences_fts, paragraphs_fts, versions_fts) and foreign keys \
            (docs/schema/export.md). Each output is written to a temporary file and renamed into place when \
            complete; an existing file is replaced only with --force. --since keeps the versions updated at or \
            after TIME, --recorded-since those recorded at or after it, with the versions they need as context \
            (in_range 0; docs/export.md). The summary goes to stderr (--format json: to stdout).
            """)

    @OptionGroup var archives: ArchivesOption

    @Option(name: .customLong("sqlite"), help: ArgumentHelp("Write a SQLite database.", valueName: "file"))
    var sqlite: String?

    @Option(name: .customLong("csv"), help: ArgumentHelp(
        "Write one CSV file per table into this directory (created when missing).", valueName: "dir"))
    var csv: String?

    @Flag(name: .customLong("jsonl"), help: "Write JSON Lines, one row a line (standard output unless -o).")
    var jsonl = false

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp("The file for --jsonl.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("story"), help: ArgumentHelp("Export only this story; repeatable.", valueName: "id"))
    var stories: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Only versions updated at or after TIME (ISO 8601, a date alone is midnight UTC; or 45m, 2h, 3d, 1w before now).", valueName: "time"))
    var since: String?

    @Option(name: .customLong("recorded-since"), help: ArgumentHelp(
        "Only versions recorded into the archive at or after TIME (ISO 8601, or 45m, 2h, 3d, 1w before now).", valueName: "time"))
    var recordedSince: String?

    @Flag(name: .long, help: "Replace existing output files.")
    var force = false

    @OptionGroup var format: FormatOption

    func validate() throws {
        if sqlite == nil && csv == nil && !jsonl {
            throw ValidationError("export needs an output: --sqlite FILE, --csv DIR or --jsonl")
        }
        if output != nil && !jsonl { throw ValidationError("-o names the file for --jsonl; give --jsonl too") }
        if jsonl && output == nil && format.format == .json {
            throw ValidationError("--format json prints the summary on standard output, where --jsonl writes its "
                                      + "rows; give --jsonl -o FILE")
        }
        let paths = [sqlite, csv, output].compactMap { $0 }
        if paths.contains(where: \.isEmpty) { throw ValidationError("an output path is empty") }
        if Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }).count < paths.count {
            throw ValidationError("--sqlite, --csv and -o must name different paths")
        }
    }

    func run() throws {
        try reporting { () throws(WritethruError) in
            var request = ExportRequest(sqlite: sqlite, csv: csv, jsonl: jsonl, jsonlFile: output, replacing: force)
            request.stories = try stories.map { text throws(WritethruError) in try StoryID(validating: text) }
            let opened = try archives.open()
            // As every --since: ISO 8601, a date, or a time before now (`3d`), read with the
            // first archive's settings (`TimeOption`).
            request.range = VersionRange(
                since: try TimeOption.parse(since, option: "--since", archive: opened.first),
                recordedSince: try TimeOption.parse(recordedSince, option: "--recorded-since", archive: opened.first))
            Interruption.install()
            let summary = try Archive.export(opened, request: request)
            switch format.format {
            case .text: emitError(summary.line + "\n")
            case .json: emit(JSONOutput.render(ExportSummaryJSON(summary)))
            }
        }
    }
}

/// `export --format json`, schema `writethru.export-summary/1` (docs/schema/export-summary.schema.json).
private struct ExportSummaryJSON: Encodable {
    struct Output: Encodable { let format: String, path: String, bytes: Int }
    let schema = "writethru.export-summary/1"
    let archives: Int, stories: Int, versions: Int
    let rows: [String: Int]
    let outputs: [Output]
    let seconds: Double

    init(_ summary: ExportSummary) {
        archives = summary.archives
        stories = summary.stories
        versions = summary.versionsInRange
        rows = Dictionary(summary.rows.map { ($0.table, $0.count) }, uniquingKeysWith: { first, _ in first })
        outputs = summary.outputs.map { Output(format: $0.format, path: $0.path, bytes: $0.bytes) }
        seconds = (summary.seconds * 1000).rounded() / 1000
    }
}
