import Foundation
import SQLiteStore
import WritethruSupport

/// The capture state: each watched URL's validators, body hash, last change, next due time and
/// failures, the robots.txt files read, and which running `capture` holds which URL
/// (docs/capture.md). Kept in `<archive>/writethru-capture.sqlite`; it can be deleted: the next
/// pass then fetches every watched URL once without validators, and nothing recorded is lost.
///
/// Two `capture` runs at once never fetch the same URL: each claims the URLs it will fetch in
/// one `BEGIN IMMEDIATE` transaction, and a claim holds while the claiming process runs
/// (`ProcessIdentity`), so a killed run's claims lapse by themselves.
final class CaptureState {
    static let fileName = "writethru-capture.sqlite"
    static let layout = 1

    let database: Database
    private let owner: String

    init(archivePath: String) throws(WritethruError) {
        let path = archivePath + "/" + Self.fileName
        do {
            database = try Database(path: path)
            database.setBusyTimeout(.seconds(30))
            try database.execute("PRAGMA journal_mode=WAL")
            try database.execute("PRAGMA synchronous=NORMAL")
            try database.execute("""
                CREATE TABLE IF NOT EXISTS url_state (
                  url TEXT PRIMARY KEY, kind TEXT NOT NULL, story TEXT, etag TEXT, last_modified TEXT,
                  body_sha256 TEXT, final_url TEXT, last_fetch INTEGER, last_status INTEGER,
                  last_change INTEGER NOT NULL, next_due INTEGER, failures INTEGER NOT NULL DEFAULT 0,
                  last_error TEXT, gone INTEGER, claimed_by TEXT);
                CREATE INDEX IF NOT EXISTS url_state_due ON url_state(next_due);
                CREATE TABLE IF NOT EXISTS robots (host TEXT PRIMARY KEY, fetched INTEGER NOT NULL,
                  status INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS host_state (host TEXT PRIMARY KEY, held_until INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                PRAGMA user_version=\(Self.layout);
                """)
        } catch {
            throw .cannotWrite(path: path, reason: "the capture state cannot be opened: \(error)")
        }
        owner = String(decoding: (try? JSONEncoder().encode(ProcessIdentity.current)) ?? Data(), as: UTF8.self)
    }

    private func run<T>(_ body: () throws -> T) throws(WritethruError) -> T {
        do {
            return try body()
        } catch {
            throw .storage("the capture state (\(Self.fileName)): \(error)")
        }
    }

    /// The commit of the watch list the rows follow (`follow(_:tip:now:)`), nil before the first.
    func followedTip() throws(WritethruError) -> String? {
        try run {
            // A kept statement left on its row would pin this connection's snapshot, and the next
            // write transaction would fail against another capture's writes: reset it.
            defer { database.resetAll() }
            let statement = try database.statement("SELECT value FROM meta WHERE key = 'watch-tip'")
            return try statement.step() ? statement.text(0) : nil
        }
    }

    /// Makes the rows those of the watch list at commit `tip`: a row for every watched URL that
    /// has none (due at once, its last change the time it was added), the story of a page given
    /// one since, and no row for a URL no longer watched. A pass calls it only when the list's
    /// commit moved, so a pass over an unchanged list never reads the list.
    /// - Complexity: O(n log n) for n watched URLs.
    func follow(_ watched: [WatchEntry], tip: String?, now: Date) throws(WritethruError) {
        try run {
            try database.transaction {
                var known: [String: String?] = [:]
                try database.prepare("SELECT url, story FROM url_state").forEachRow {
                    known[$0.text(0)] = $0.optionalText(1)
                }
                for entry in watched {
                    guard let story = entry.story, let held = known[entry.url], held != story else { continue }
                    try database.statement("UPDATE url_state SET story = ? WHERE url = ?")
                        .bind(.text(story), .text(entry.url)).run()
                }
                let insert = """
                    INSERT INTO url_state (url, kind, story, last_change, next_due) VALUES (?, ?, ?, ?, ?)
                    """
                let wanted = Set(watched.map(\.url))
                for entry in watched where known[entry.url] == nil {
                    let added = Timestamp.parse(entry.added).map { Int64($0.timeIntervalSince1970) }
                        ?? Int64(now.timeIntervalSince1970)
                    try database.statement(insert).bind(.text(entry.url), .text(entry.kind.rawValue), .optional(entry.story),
                                    .integer(added), .integer(Int64(now.timeIntervalSince1970))).run()
                }
                for url in known.keys where !wanted.contains(url) {
                    try database.statement("DELETE FROM url_state WHERE url = ?").bind(.text(url)).run()
                }
                if let tip {
                    try database.statement("INSERT OR REPLACE INTO meta (key, value) VALUES ('watch-tip', ?)")
                        .bind(.text(tip)).run()
                } else {
                    try database.execute("DELETE FROM meta WHERE key = 'watch-tip'")
                }
            }
        }
    }

    /// Claims, for this process, at most `limit` URLs of `kind` after `cursor` in URL order that
    /// are due at `now` (every one with `all`) and that no running process holds; returns them
    /// in URL order, and the last URL looked at (nil when no row was left to look at). A pass
    /// claims batch after batch, each after the last URL of the one before, so its memory does
    /// not grow with the watch list.
    func claim(_ kind: WatchEntry.Kind, dueAt now: Date, all: Bool, after cursor: String = "",
               limit: Int = 256) throws(WritethruError) -> (states: [WatchedURLState], cursor: String?) {
        try run {
            try database.execute("BEGIN IMMEDIATE")
            do {
                let due = all ? "" : "AND next_due IS NOT NULL AND next_due <= ?"
                let select = try database.prepare("""
                    SELECT \(Self.columns), claimed_by FROM url_state WHERE kind = ? AND url > ? \(due)
                    ORDER BY url LIMIT ?
                    """)
                var values: [SQLValue] = [.text(kind.rawValue), .text(cursor)]
                if !all { values.append(.integer(Int64(now.timeIntervalSince1970))) }
                try select.bind(values + [.int(limit)])
                var rows: [WatchedURLState] = []
                var holders: [String: Bool] = [:]
                var last: String?
                try select.forEachRow { row in
                    last = row.text(0)
                    if let holder = row.optionalText(14), holder != owner {
                        let alive = holders[holder] ?? Self.isRunning(holder)
                        holders[holder] = alive
                        if alive { return }
                    }
                    rows.append(Self.state(row))
                }
                for row in rows {
                    try database.statement("UPDATE url_state SET claimed_by = ? WHERE url = ?")
                        .bind(.text(owner), .text(row.url)).run()
                }
                try database.execute("COMMIT")
                return (rows, last)
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Whether the process a claim names still runs (a claim of another host is held).
    private static func isRunning(_ holder: String) -> Bool {
        guard let identity = try? JSONDecoder().decode(ProcessIdentity.self, from: Data(holder.utf8)) else {
            return false
        }
        return identity.isRunning ?? true
    }

    /// Writes what a fetch learned and lets the URL go.
    func finish(_ state: WatchedURLState) throws(WritethruError) {
        try run {
            try database.statement("""
                UPDATE url_state SET story = ?, etag = ?, last_modified = ?, body_sha256 = ?, final_url = ?,
                  last_fetch = ?, last_status = ?, last_change = ?, next_due = ?, failures = ?, last_error = ?,
                  gone = ?, claimed_by = NULL WHERE url = ?
                """).bind(.optional(state.story), .optional(state.etag), .optional(state.lastModified),
                          .optional(state.bodySHA256), .optional(state.finalURL),
                          state.lastFetch.map(SQLValue.integer) ?? .null, .optional(state.lastStatus),
                          .integer(state.lastChange), state.nextDue.map(SQLValue.integer) ?? .null,
                          .int(state.failures), .optional(state.lastError), .optional(state.gone),
                          .text(state.url)).run()
        }
    }

    /// Lets go of every URL this process still holds (a pass stopped early).
    func releaseClaims() {
        _ = try? database.prepare("UPDATE url_state SET claimed_by = NULL WHERE claimed_by = ?").bind(.text(owner)).run()
    }

    /// How many URLs are watched (have a row).
    func count() throws(WritethruError) -> Int {
        try run {
            defer { database.resetAll() }
            let statement = try database.statement("SELECT count(*) FROM url_state")
            return try statement.step() ? statement.int(0) : 0
        }
    }

    /// Whether `url` is watched (has a row).
    func contains(_ url: String) throws(WritethruError) -> Bool {
        try run {
            defer { database.resetAll() }
            return try database.statement("SELECT 1 FROM url_state WHERE url = ?").bind(.text(url)).step()
        }
    }

    /// Every URL's state, by URL.
    func all() throws(WritethruError) -> [String: WatchedURLState] {
        try run {
            var states: [String: WatchedURLState] = [:]
            try database.prepare("SELECT \(Self.columns) FROM url_state").forEachRow { row in
                let state = Self.state(row)
                states[state.url] = state
            }
            return states
        }
    }

    /// The earliest time a URL is due, or nil when none is.
    func nextDue() throws(WritethruError) -> Date? {
        try run {
            let statement = try database.prepare("SELECT min(next_due) FROM url_state")
            guard try statement.step(), !statement.isNull(0) else { return nil }
            return Date(timeIntervalSince1970: Double(statement.int64(0)))
        }
    }

    /// A robots.txt read from `host` within `maximumAge` seconds of `now` (kept as UTF-8 text,
    /// what RFC 9309 says a robots.txt is): its status and body.
    func robots(_ host: String, now: Date, maximumAge: Double) throws(WritethruError) -> (status: Int, body: [UInt8])? {
        try run {
            let statement = try database.prepare("SELECT status, body, fetched FROM robots WHERE host = ?")
                .bind(.text(host))
            guard try statement.step(), Double(statement.int64(2)) >= now.timeIntervalSince1970 - maximumAge else {
                return nil
            }
            return (statement.int(0), Array(statement.text(1).utf8))
        }
    }

    func saveRobots(_ host: String, status: Int, body: [UInt8], fetched: Date) throws(WritethruError) {
        try run {
            try database.prepare("INSERT OR REPLACE INTO robots (host, fetched, status, body) VALUES (?, ?, ?, ?)")
                .bind(.text(host), .integer(Int64(fetched.timeIntervalSince1970)), .int(status), .text(String(decoding: body, as: UTF8.self))).run()
        }
    }

    /// Records that `host` asked to wait until `until` (Retry-After), for later passes too.
    func hold(_ host: String, until: Date) throws(WritethruError) {
        try run {
            try database.prepare("INSERT OR REPLACE INTO host_state (host, held_until) VALUES (?, ?)")
                .bind(.text(host), .integer(Int64(until.timeIntervalSince1970.rounded(.up)))).run()
        }
    }

    /// The hosts still held after `now`, and until when.
    func heldHosts(after now: Date) throws(WritethruError) -> [(String, Date)] {
        try run {
            var held: [(String, Date)] = []
            try database.prepare("SELECT host, held_until FROM host_state WHERE held_until > ?")
                .bind(.integer(Int64(now.timeIntervalSince1970))).forEachRow { row in
                    held.append((row.text(0), Date(timeIntervalSince1970: Double(row.int64(1)))))
                }
            return held
        }
    }

    private static let columns = """
        url, kind, story, etag, last_modified, body_sha256, final_url, last_fetch, last_status, last_change,
        next_due, failures, last_error, gone
        """

    private static func state(_ row: Statement) -> WatchedURLState {
        WatchedURLState(url: row.text(0), kind: WatchEntry.Kind(rawValue: row.text(1)) ?? .page,
                        story: row.optionalText(2), etag: row.optionalText(3), lastModified: row.optionalText(4),
                        bodySHA256: row.optionalText(5), finalURL: row.optionalText(6),
                        lastFetch: row.isNull(7) ? nil : row.int64(7), lastStatus: row.isNull(8) ? nil : row.int(8),
                        lastChange: row.int64(9), nextDue: row.isNull(10) ? nil : row.int64(10), failures: row.int(11),
                        lastError: row.optionalText(12), gone: row.isNull(13) ? nil : row.int(13))
    }
}
