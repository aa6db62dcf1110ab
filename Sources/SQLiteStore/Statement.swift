import CSQLite

/// A prepared statement: bind values by position (1-based), then `step` through the rows and
/// read columns by position (0-based). Reset by `Database.statement` before each reuse.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database

    init(database: Database, sql: String) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let status = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard status == SQLITE_OK, let pointer else {
            throw SQLiteError(code: status & 0xFF, message: database.message, context: "prepare \(Database.head(of: sql))")
        }
        handle = pointer
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Binding

    /// Binds each value in order, from parameter 1; returns the statement for chaining.
    @discardableResult
    public func bind(_ values: SQLValue...) throws(SQLiteError) -> Statement {
        try bind(values)
    }

    @discardableResult
    public func bind(_ values: [SQLValue]) throws(SQLiteError) -> Statement {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, index)
            case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
            case .real(let number): status = sqlite3_bind_double(handle, index, number)
            case .text(let text):
                status = sqlite3_bind_text(handle, index, text, -1, Self.transient)
            }
            guard status == SQLITE_OK else {
                throw SQLiteError(code: status & 0xFF, message: database.message, context: "bind parameter \(index)")
            }
        }
        return self
    }

    /// Binds bytes to parameter `index` (1-based), copied at once: the derived index's blocks
    /// (`SQLValue` has no blobs, which no exported table holds).
    @discardableResult
    public func bind(blob bytes: [UInt8], at index: Int32) throws(SQLiteError) -> Statement {
        let status = bytes.withUnsafeBytes { raw in
            sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), Self.transient)
        }
        guard status == SQLITE_OK else {
            throw SQLiteError(code: status & 0xFF, message: database.message, context: "bind parameter \(index)")
        }
        return self
    }

    /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    // MARK: Stepping

    /// Advances to the next row: true while there is one.
    public func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status:
            let error = SQLiteError(code: status & 0xFF, message: database.message,
                                    context: String(cString: sqlite3_sql(handle)).split(separator: "\n").first
                                        .map { Database.head(of: String($0)) } ?? "step")
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows.
    public func run() throws(SQLiteError) {
        while try step() {}
    }

    /// Calls `body` for each row.
    public func forEachRow(_ body: (Statement) throws -> Void) throws {
        while try step() { try body(self) }
    }

    // MARK: Columns

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    public func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The column's value whatever its type (for exports that copy rows as they are).
    public func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: .integer(int64(column))
        case SQLITE_FLOAT: .real(double(column))
        case SQLITE_NULL: .null
        default: .text(text(column))
        }
    }

    public var columnCount: Int32 { sqlite3_column_count(handle) }
    public func columnName(_ column: Int32) -> String { String(cString: sqlite3_column_name(handle, column)) }
}
