import SQLiteStore

/// An export's SQLite database read back: its tables and columns as SQLite reports them
/// (`PRAGMA table_info`, `foreign_key_list`), for the tests that hold docs/schema/export.md to
/// the real file, and its rows for comparisons.
struct ExportedDatabase {
    struct Column: Equatable {
        let name: String
        let type: String
        let notNull: Bool
        /// 1-based place in the primary key; 0 when not part of it.
        let primaryKey: Int
        /// The table a foreign key on this column points to.
        let references: String?
    }

    struct Table {
        let name: String
        let columns: [Column]
        /// The `CREATE` statement SQLite keeps (`sqlite_master.sql`).
        let sql: String
    }

    let database: Database

    init(path: String) throws {
        database = try Database(path: path, readOnly: true, create: false)
    }

    /// Every table, in name order, the full-text tables' shadow tables (`*_fts_data`, ...) left out.
    /// - Complexity: O(t + c) statements for t tables of c columns in all.
    func tables() throws -> [Table] {
        var tables: [(String, String)] = []
        try database.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .forEachRow { tables.append(($0.text(0), $0.text(1))) }
        let shadows = Set(tables.map(\.0).filter { $0.hasSuffix("_fts") }.flatMap { fts in
            ["data", "idx", "docsize", "config", "content"].map { fts + "_" + $0 }
        })
        return try tables.filter { !shadows.contains($0.0) }.map { name, sql in
            var references: [String: String] = [:]
            try database.prepare("SELECT [from], [table] FROM pragma_foreign_key_list('\(name)')")
                .forEachRow { references[$0.text(0)] = $0.text(1) }
            var columns: [Column] = []
            try database.prepare("SELECT name, type, [notnull], pk FROM pragma_table_info('\(name)') ORDER BY cid")
                .forEachRow { row in
                    columns.append(Column(name: row.text(0), type: row.text(1), notNull: row.int(2) != 0,
                                          primaryKey: row.int(3), references: references[row.text(0)]))
                }
            return Table(name: name, columns: columns, sql: sql)
        }
    }

    /// The integer in the first column of a query's first row (`PRAGMA user_version`, a count).
    func integer(_ sql: String) throws -> Int? {
        let statement = try database.prepare(sql)
        return try statement.step() && !statement.isNull(0) ? statement.int(0) : nil
    }

    /// Every row of a query, each value as text (integers in decimal), NULL as nil.
    func rows(_ sql: String) throws -> [[String?]] {
        var rows: [[String?]] = []
        try database.prepare(sql).forEachRow { row in
            rows.append((0..<row.columnCount).map { row.isNull($0) ? nil : row.text($0) })
        }
        return rows
    }
}
