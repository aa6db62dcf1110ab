/// A failure reported by SQLite: its result code and message, and what was being done.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, ...).
    public let code: Int32
    /// SQLite's message (`sqlite3_errmsg`).
    public let message: String
    /// What was being done, such as "prepare" or "open /path/index.sqlite".
    public let context: String

    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// The database could not be read as one: damaged, or another kind of file.
    public var isCorrupt: Bool { code == 11 || code == 26 }  // SQLITE_CORRUPT, SQLITE_NOTADB
    /// Another connection held a lock for longer than the busy timeout.
    public var isBusy: Bool { code == 5 || code == 6 }  // SQLITE_BUSY, SQLITE_LOCKED

    public var description: String { "\(context): \(message)" }
}
