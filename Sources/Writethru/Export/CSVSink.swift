import Foundation
import SQLiteStore

/// One CSV file per table (`DIR/<table>.csv`), RFC 4180: a header row of the column names,
/// CRLF line ends, a field quoted (quotes doubled) when it holds a comma, a quote, CR or LF.
/// NULL is an empty field (CSV cannot tell it from an empty text; no exported text column is
/// ever empty but `tag`, `advisory` and the like, which are NULL when absent).
///
/// Each file is written to a temporary file in DIR and renamed when the export completes.
final class CSVSink: ExportSink {
    let name: String
    private var files: [StagedFile] = []
    private var outputs: [ByteOutput] = []
    /// Whether the export made DIR (removed again, when empty, after a failure).
    private let madeDirectory: Bool

    /// Creates DIR when missing; refuses when it already holds one of the tables' files, unless
    /// `replacing`.
    init(directory: String, replacing: Bool) throws(WritethruError) {
        name = directory
        madeDirectory = !FileManager.default.fileExists(atPath: directory)
        try ReportFile.makeDirectory(directory)
        for table in ExportSchema.tables {
            let file = try StagedFile(target: (directory as NSString).appendingPathComponent(table.name + ".csv"),
                                      replacing: replacing)
            files.append(file)
        }
        for (file, table) in zip(files, ExportSchema.tables) {
            let output = try ByteOutput(creating: file.temporary, name: file.target)
            try output.write(table.columns.map { Self.field($0.name) }.joined(separator: ",") + "\r\n")
            outputs.append(output)
        }
    }

    func write(_ row: [SQLValue], table: Int) throws(WritethruError) {
        var line = ""
        for (index, value) in row.enumerated() {
            if index > 0 { line += "," }
            switch value {
            case .null: break
            case .integer(let number): line += String(number)
            case .real(let number): line += String(number)
            case .text(let text): line += Self.field(text)
            }
        }
        line += "\r\n"
        try outputs[table].write(line)
    }

    /// A text field, quoted when RFC 4180 requires it.
    /// - Complexity: O(n) in the text's length.
    static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func finish() throws(WritethruError) -> Int {
        var bytes = 0
        for output in outputs {
            try output.flush()
            bytes += output.written
        }
        outputs.removeAll()
        for file in files { try file.commit() }
        return bytes
    }

    func discard() {
        outputs.removeAll()
        for file in files { file.discard() }
        if madeDirectory { rmdir(name) }
    }
}
