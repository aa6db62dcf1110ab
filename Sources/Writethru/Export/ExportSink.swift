import SQLiteStore

/// Where an export's rows go: a SQLite database, a directory of CSV files, JSON Lines. Rows
/// arrive table by table within each story, parents first (`ExportSchema.tables` order), with
/// their final ids.
protocol ExportSink: AnyObject {
    /// What the summary names: the file or directory written, or "standard output".
    var name: String { get }
    /// `table` is an index into `ExportSchema.tables`; `row` holds its columns in order.
    func write(_ row: [SQLValue], table: Int) throws(WritethruError)
    /// Completes the output (indexes, full-text tables, renames into place); returns its size
    /// in bytes.
    func finish() throws(WritethruError) -> Int
    /// Removes whatever was written so far (after a failure or an interruption).
    func discard()
}
