import CSQLite
import Foundation

/// One connection to an SQLite database file: the derived index beside an archive, or an
/// export. A thin layer over the C API (docs/decisions/0036): statements are prepared once
/// and kept (`statement(_:)`), values are bound by position, rows are read by column.
///
/// Not thread-safe by itself: callers that share a connection across threads hold their own
/// lock around each use (SQLite serialises the C calls, but a prepared statement's state is
/// one cursor).
public final class Database: @unchecked Sendable {
    /// The C handle; closed on deinit.
    let handle: OpaquePointer
    /// Statements by their SQL text, prepared on first use and reset after each.
    private var cache: [String: Statement] = [:]
    /// What the last full-text query's `writethru_bm25` saw (owned by SQLite; `registerSearchFunctions`).
    var searchState: UnsafeMutablePointer<writethru_search_state>?
    public let path: String

    /// Opens (creating unless `readOnly`) the database at `path`. `busyTimeout` is how long a
    /// statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    public init(path: String, readOnly: Bool = false, create: Bool = true,
                busyTimeout: Duration = .seconds(30)) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &pointer, flags, nil)
        guard let pointer else {
            throw SQLiteError(code: status, message: "out of memory", context: "open \(path)")
        }
        guard status == SQLITE_OK else {
            let error = SQLiteError(code: status & 0xFF, message: String(cString: sqlite3_errmsg(pointer)),
                                    context: "open \(path)")
            sqlite3_close_v2(pointer)
            throw error
        }
        handle = pointer
        self.path = path
        self.busyTimeout = busyTimeout
        setBusyTimeout(busyTimeout)
    }

    /// How long a statement waits for another connection's lock.
    public let busyTimeout: Duration

    public func setBusyTimeout(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        sqlite3_busy_timeout(handle, Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }

    /// Moves every frame of the WAL into the database file and empties the WAL, waiting at
    /// most `wait` for other connections' readers; false when they did not finish in time
    /// (the WAL is then left for a later call).
    @discardableResult
    public func truncateWAL(waiting wait: Duration) -> Bool {
        resetAll()
        setBusyTimeout(wait)
        defer { setBusyTimeout(busyTimeout) }
        var log: Int32 = 0
        var copied: Int32 = 0
        return sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied) == SQLITE_OK
    }

    /// Leaves the WAL as it is when this connection closes (no close-time checkpoint and its
    /// two fsyncs): for a short-lived writer; a later commit checkpoints once the WAL is large.
    public func skipCheckpointOnClose() {
        _ = writethru_sqlite_skip_checkpoint_on_close(handle)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows (schema, pragmas, `BEGIN`).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: status & 0xFF, message: text, context: "execute \(Self.head(of: sql))")
        }
    }

    /// The statement for `sql`, prepared on first use and reused after (reset, bindings cleared).
    public func statement(_ sql: String) throws(SQLiteError) -> Statement {
        if let known = cache[sql] {
            known.reset()
            return known
        }
        let prepared = try Statement(database: self, sql: sql)
        cache[sql] = prepared
        return prepared
    }

    /// Resets every kept statement: a statement left on a row holds its read transaction open,
    /// which would pin the connection to an old snapshot and keep it from taking the write lock.
    public func resetAll() {
        for statement in cache.values { statement.reset() }
    }

    /// A statement prepared for one use only (queries built from a user's input).
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE`: the write lock is taken at once, so two
    /// writers queue on the busy timeout instead of failing at commit), committed when it
    /// returns and rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The rowid of the last row inserted through this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The connection's last error message.
    var message: String { String(cString: sqlite3_errmsg(handle)) }

    /// The first line of a statement, shortened, for error messages.
    static func head(of sql: String) -> String {
        let line = sql.split(separator: "\n").first.map(String.init) ?? sql
        return line.count > 60 ? String(line.prefix(60)) + "..." : line
    }
}

extension Database {
    /// Replaces this database's contents with `source`'s, in one step as readers see it
    /// (SQLite's online backup, all pages at once; readers of this file see the old contents
    /// or the new, never a mix, and writers wait on the busy timeout).
    public func replaceContents(from source: Database) throws(SQLiteError) {
        guard let backup = sqlite3_backup_init(handle, "main", source.handle, "main") else {
            throw SQLiteError(code: sqlite3_errcode(handle), message: message, context: "backup into \(path)")
        }
        let status = sqlite3_backup_step(backup, -1)
        let finished = sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE, finished == SQLITE_OK else {
            throw SQLiteError(code: status == SQLITE_DONE ? finished : status, message: message,
                              context: "backup into \(path)")
        }
    }
}
