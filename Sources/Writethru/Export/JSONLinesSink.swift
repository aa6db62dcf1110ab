import SQLiteStore
import WritethruSupport

/// JSON Lines: one line per row, `{"table": "versions", "row": {"version_id": 1, ...}}`, the
/// row's keys in the table's column order, NULL as `null`, integers as numbers. Lines come in
/// the order the rows are written: the archives, then story by story its `stories` row, its
/// versions, paragraphs, sentences, claim changes, findings and their links (parents before
/// children, so loading the lines in order satisfies every foreign key).
///
/// To standard output as it goes, or to a file written whole (`StagedFile`).
final class JSONLinesSink: ExportSink {
    let name: String
    private let file: StagedFile?
    private var output: ByteOutput?
    /// `"table": "<name>", "row": {"` and each column's `"<name>": ` prefix, built once.
    private let prefixes: [(table: String, keys: [String])]

    init(path: String?, replacing: Bool) throws(WritethruError) {
        if let path {
            let file = try StagedFile(target: path, replacing: replacing)
            self.file = file
            output = try ByteOutput(creating: file.temporary, name: path)
            name = path
        } else {
            file = nil
            output = ByteOutput(standardOutput: "standard output")
            name = "standard output"
        }
        prefixes = ExportSchema.tables.map { table in
            ("{\"table\": " + Self.quoted(table.name) + ", \"row\": {",
             table.columns.enumerated().map { ($0.offset == 0 ? "" : ", ") + Self.quoted($0.element.name) + ": " })
        }
    }

    func write(_ row: [SQLValue], table: Int) throws(WritethruError) {
        let prefix = prefixes[table]
        var line = prefix.table
        for (index, value) in row.enumerated() {
            line += prefix.keys[index]
            switch value {
            case .null: line += "null"
            case .integer(let number): line += String(number)
            case .real(let number): line += String(number)
            case .text(let text): line += Self.quoted(text)
            }
        }
        line += "}}\n"
        try output?.write(line)
    }

    /// A JSON string (`JSONString.quoted`).
    static func quoted(_ text: String) -> String { JSONString.quoted(text) }

    func finish() throws(WritethruError) -> Int {
        guard let output else { return 0 }
        try output.flush()
        let bytes = output.written
        self.output = nil
        try file?.commit()
        return bytes
    }

    func discard() {
        output = nil
        file?.discard()
    }
}
