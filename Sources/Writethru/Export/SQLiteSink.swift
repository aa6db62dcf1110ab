import Foundation
import SQLiteStore

/// The export as one SQLite database: the tables of `ExportSchema` with their keys, an index
/// on each column in `ExportSchema.indexedColumns`, and FTS5 full-text tables with external
/// content (`sentences_fts`, `paragraphs_fts`, `versions_fts`), as Datasette and sqlite-utils
/// expect them. `PRAGMA user_version` is `ExportSchema.version`.
///
/// Written in one transaction into a temporary file beside the target, without a journal or
/// syncs (nothing reads the file until it is renamed into place, complete), with foreign keys
/// enforced on every insert.
final class SQLiteSink: ExportSink {
    let name: String
    private let file: StagedFile
    private var database: Database?
    private let inserts: [String]

    init(path: String, replacing: Bool) throws(WritethruError) {
        name = path
        file = try StagedFile(target: path, replacing: replacing)
        inserts = ExportSchema.tables.map(ExportSchema.insert)
        try sqlite {
            let database = try Database(path: file.temporary)
            self.database = database
            try database.execute("""
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;
                PRAGMA user_version = \(ExportSchema.version); BEGIN
                """)
            for table in ExportSchema.tables { try database.execute(ExportSchema.createTable(table)) }
        }
    }

    func write(_ row: [SQLValue], table: Int) throws(WritethruError) {
        guard let database else { return }
        try sqlite { try database.statement(inserts[table]).bind(row).run() }
    }

    /// Indexes, full-text tables filled from their content tables, commit, close, rename.
    /// - Complexity: O(r log r) for the indexes of r rows, O(w) for the w words indexed.
    func finish() throws(WritethruError) -> Int {
        guard let database else { return 0 }
        try sqlite {
            for (table, column) in ExportSchema.indexedColumns {
                try database.execute("CREATE INDEX [idx_\(table)_\(column)] ON [\(table)] ([\(column)])")
            }
            for table in ExportSchema.tables {
                guard let create = ExportSchema.createFullText(table), let fts = table.ftsName else { continue }
                try database.execute(create)
                try database.execute("INSERT INTO [\(fts)] ([\(fts)]) VALUES ('rebuild')")
            }
            try database.execute("COMMIT")
            try database.execute("PRAGMA optimize")
        }
        self.database = nil
        try file.commit()
        return file.size
    }

    func discard() {
        database = nil
        file.discard()
    }

    /// Runs `body`, an SQLite failure becoming "cannot write FILE: ..." (exit 73).
    private func sqlite(_ body: () throws -> Void) throws(WritethruError) {
        do {
            try body()
        } catch let error as SQLiteError {
            throw .cannotWrite(path: name, reason: error.description)
        } catch {
            throw .cannotWrite(path: name, reason: "\(error)")
        }
    }
}
