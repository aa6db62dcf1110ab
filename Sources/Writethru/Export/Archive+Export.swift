import Foundation
import SQLiteStore

/// What `writethru export` is asked to write, and of what (docs/export.md).
public struct ExportRequest: Sendable {
    /// The SQLite database to write, if any.
    public var sqlite: String?
    /// The directory of CSV files to write, if any.
    public var csv: String?
    /// Whether to write JSON Lines, to `jsonlFile` or, when nil, to standard output.
    public var jsonl = false
    public var jsonlFile: String?
    /// Whether an existing file is replaced (`--force`); refused otherwise.
    public var replacing = false
    /// Only these stories (empty: every story); each must be in at least one archive.
    public var stories: [StoryID] = []
    /// Only the versions in this range, with their context.
    public var range = VersionRange()
    /// Threads that compute stories.
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    public init(sqlite: String? = nil, csv: String? = nil, jsonl: Bool = false, jsonlFile: String? = nil,
                replacing: Bool = false, stories: [StoryID] = [], range: VersionRange = VersionRange()) {
        self.sqlite = sqlite
        self.csv = csv
        self.jsonl = jsonl
        self.jsonlFile = jsonlFile
        self.replacing = replacing
        self.stories = stories
        self.range = range
    }
}

extension Archive {
    /// Writes `archives` (in the order given) as the export tables of docs/schema/export.md to
    /// every output `request` names, computing the stories concurrently and writing them in
    /// order: archives as given, stories by id within each, so the same archives give the same
    /// rows with the same ids, and the same bytes of CSV and JSON Lines. Every output is
    /// written to a temporary file and renamed into place only when all are complete; on a
    /// failure or Ctrl-C nothing is left but what was there before.
    ///
    /// - Complexity: one `timeline(story:)` per story exported (with a range, one version list
    ///   per story and a timeline only for those with a version in it), divided among
    ///   `request.workers` threads; rows are written as each story completes, and memory holds
    ///   a few stories' rows, not the archive's.
    public static func export(_ archives: [Archive], request: ExportRequest) throws(WritethruError) -> ExportSummary {
        let started = Date()
        let labels = ArchiveLabels.labels(for: archives.map(\.path))
        var pieces: [(archive: Int, story: StoryID)] = []
        var wanted = Set(request.stories)
        for (index, archive) in archives.enumerated() {
            for story in try archive.storyIDs().sorted() where request.stories.isEmpty || wanted.contains(story) {
                pieces.append((index, story))
            }
        }
        wanted.subtract(pieces.map(\.story))
        if let missing = request.stories.first(where: wanted.contains) {
            let place = archives.count == 1 ? "the archive" : "any of the \(archives.count) archives"
            throw .notFound("no story '\(missing)' in \(place)")
        }

        var sinks: [(format: String, sink: any ExportSink)] = []
        do {
            let replacing = request.replacing
            if let path = request.sqlite { sinks.append(("sqlite", try SQLiteSink(path: path, replacing: replacing))) }
            if let path = request.csv { sinks.append(("csv", try CSVSink(directory: path, replacing: replacing))) }
            if request.jsonl {
                sinks.append(("jsonl", try JSONLinesSink(path: request.jsonlFile, replacing: replacing)))
            }
        } catch {
            for (_, sink) in sinks { sink.discard() }
            throw error
        }
        guard !sinks.isEmpty else { throw .usage("export needs an output: --sqlite FILE, --csv DIR or --jsonl") }

        var numbering = RowNumbering()
        var storiesWritten = 0
        var versionsInRange = 0
        func write(_ row: [SQLValue], table: Int) throws(WritethruError) {
            for (_, sink) in sinks { try sink.write(row, table: table) }
        }
        var outputs: [ExportSummary.Output] = []
        do throws(WritethruError) {
            for (index, archive) in archives.enumerated() {
                try write([.int(index + 1), .text(labels[index]), .text(archive.path)], table: 0)
            }
            numbering.count(rows: archives.count, table: 0)
            let paths = archives.map(\.path)
            let range = request.range
            try OrderedWork.run(
                count: pieces.count, workers: request.workers, window: max(4, request.workers * 4),
                makeState: { [String: Archive]() },
                produce: { [pieces] index, opened throws(WritethruError) -> StoryRows? in
                    if Interruption.isRequested { return nil }
                    let piece = pieces[index]
                    let path = paths[piece.archive]
                    let archive: Archive
                    if let known = opened[path] {
                        archive = known
                    } else {
                        archive = try Archive.open(at: path)
                        opened[path] = archive
                    }
                    if !range.isEverything {
                        guard try archive.versions(of: piece.story).contains(where: range.contains) else { return nil }
                    }
                    return StoryRows.build(try archive.timeline(story: piece.story), archiveID: piece.archive + 1,
                                           label: labels[piece.archive], range: range)
                },
                consume: { (rows: StoryRows?) throws(WritethruError) in
                    if Interruption.isRequested {
                        throw .interrupted("interrupted: nothing exported; every output is as it was before")
                    }
                    guard let rows else { return }
                    for (table, tableRows) in rows.tables.enumerated() where table > 0 {
                        for row in tableRows { try write(numbering.numbered(row, table: table), table: table) }
                    }
                    for (table, tableRows) in rows.tables.enumerated() {
                        numbering.count(rows: tableRows.count, table: table)
                    }
                    storiesWritten += 1
                    versionsInRange += rows.versionsInRange
                })
            if Interruption.isRequested {
                throw WritethruError.interrupted("interrupted: nothing exported; every output is as it was before")
            }
            for (format, sink) in sinks {
                outputs.append(.init(format: format, path: sink.name, bytes: try sink.finish()))
            }
        } catch {
            for (_, sink) in sinks { sink.discard() }
            throw error
        }
        return ExportSummary(archives: archives.count, stories: storiesWritten, versionsInRange: versionsInRange,
                             rows: zip(ExportSchema.tables, numbering.written).map { ($0.name, $1) },
                             outputs: outputs, seconds: Date().timeIntervalSince(started))
    }
}

/// Turns a story's local ids (from 1 within the story) into the export's: each primary key and
/// each foreign key (but `archive_id`, which is global already) plus the rows of its table
/// written for the stories before.
struct RowNumbering {
    /// Rows written so far, per table.
    private(set) var written = Array(repeating: 0, count: ExportSchema.tables.count)
    /// For each table, the columns to offset and the table whose count offsets them.
    private let offsets: [[(column: Int, table: Int)]] = ExportSchema.tables.enumerated().map { index, table in
        table.columns.enumerated().compactMap { column, definition in
            if table.primaryKey == [definition.name], definition.type == .integer { return (column, index) }
            guard let parent = definition.references, parent != ExportSchema.archives.name,
                  let parentIndex = ExportSchema.tables.firstIndex(where: { $0.name == parent }) else { return nil }
            return (column, parentIndex)
        }
    }

    func numbered(_ row: [SQLValue], table: Int) -> [SQLValue] {
        var row = row
        for (column, parent) in offsets[table] {
            if case .integer(let local) = row[column] { row[column] = .integer(local + Int64(written[parent])) }
        }
        return row
    }

    mutating func count(rows: Int, table: Int) { written[table] += rows }
}
