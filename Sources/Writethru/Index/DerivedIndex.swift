import Foundation
import SQLiteStore
import StoryText

/// Data Writethru derives from the archive and keeps beside it, in one SQLite database
/// (`<archive>/writethru-index.sqlite`, or under `WRITETHRU_INDEX_DIR`; decision 0036): each
/// story's listing and indexed tip, its versions, every sentence any version printed with
/// the first and last version that printed it (full-text indexed, for `search`), which
/// stories printed each paragraph (learned furniture) and which URLs and headlines belong to
/// which story (story identity). It is never the record: git does not carry it, and it is
/// rebuilt from the story branches when missing (`reindex`).
///
/// Writers queue what each recorded version adds (`addRevision`); `Archive.flush` writes the
/// queue in one transaction, checking each story against its branch (a story whose queued
/// versions do not lead from the indexed tip to the branch's tip is learned again from git).
/// Lookups see queued additions at once.
///
/// Thread-safe: an import reads its inputs on every core, and reading consults the learned
/// furniture; one lock guards the connection and the queue.
final class DerivedIndex: FurnitureCatalog, @unchecked Sendable {
    private let lock = NSLock()
    let path: String
    /// The connection: used without the lock only by single-threaded readers (`stories`).
    let database: Database

    /// Grows each time a paragraph reaches `learnAfterStories` stories in this process, that
    /// is, becomes learned furniture: a reader can tell whether what it read is still current.
    private(set) var furnitureGeneration = 0
    /// The archive's `boilerplate.learnAfterStories` (0: learning is off).
    var learnAfterStories = 0
    /// The writing process's journal: told when what it moved is written here, or dropped.
    var journal: WriterJournal?
    /// The stories learned again when the index was opened because a killed writer's journal
    /// named them, and because their branch was moved by another tool.
    var caughtUp: [StoryID] = []
    var movedByOthers: [StoryID] = []
    /// The references' stamp this process last saw the index agree with (`Archive.refsStamp`).
    var referencesStamp: String?

    /// Versions queued by story, in the order the stories were first queued.
    private var queued: [String: [IndexedVersion]] = [:]
    private var queueOrder: [String] = []
    /// Identity keys and furniture paragraphs of queued versions, for lookups before the flush.
    private var queuedIdentity: [UInt64: [String]] = [:]
    private var queuedFurniture: [UInt64: Set<String>] = [:]
    /// The furniture paragraphs last queued for each story (consecutive versions repeat most).
    private var lastQueuedFurniture: [String: Set<UInt64>] = [:]
    /// Stories printing each paragraph, as read from the database (bounded; cleared on flush).
    private var furnitureCounts: [UInt64: Int] = [:]
    /// FTS5's tokenizer, for the length each sentence's rowid carries; made by the first write.
    private var words: WordCounter?

    /// Opens (creating when missing) the index at `path`. A file of another layout, or one
    /// SQLite cannot read, is derived data: it is replaced by an empty index, rebuilt by the
    /// caller (`isBuilt` is false).
    init(path: String) throws(WritethruError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        do {
            database = try Self.openCurrent(path)
        } catch {
            throw .storage("cannot open the derived index \(path): \(error.message)")
        }
    }

    private static func openCurrent(_ path: String) throws(SQLiteError) -> Database {
        let database: Database
        do {
            database = try Database(path: path)
            try prepare(database)
            return database
        } catch let error where error.isCorrupt || error.code == -1 {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
            let fresh = try Database(path: path)
            try prepare(fresh)
            return fresh
        }
    }

    /// Sets the connection up and creates the tables when the file is new. Another layout's
    /// file is reported with code -1 (and replaced by the caller).
    private static func prepare(_ database: Database) throws(SQLiteError) {
        // Checkpoints are the writers' (`write`), not SQLite's own: see `checkpointIfLarge`.
        // No memory-mapped reads: mapped pages count as resident memory, and an import or a whole
        // listing would hold up to the map size of them (448 and 123 MB at 100,000 stories).
        try database.execute("PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0")
        database.skipCheckpointOnClose()
        try database.registerSearchFunctions()
        let layout = try userVersion(database)
        if layout == IndexSchema.version { return }
        guard layout == 0 else {
            throw SQLiteError(code: -1, message: "index layout \(layout), not \(IndexSchema.version)", context: "open")
        }
        // WAL: readers never wait for a writer, and concurrent writers queue on the busy
        // timeout (docs/search.md says why the file must stay on a local disk).
        _ = try? database.execute("PRAGMA journal_mode=WAL")
        try database.execute("BEGIN IMMEDIATE")
        do {
            // Another process may have created the tables while this one waited for the lock.
            if try userVersion(database) == 0 {
                try database.execute(IndexSchema.tables + "\nPRAGMA user_version=\(IndexSchema.version);")
            }
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    private static func userVersion(_ database: Database) throws(SQLiteError) -> Int {
        let statement = try database.statement("PRAGMA user_version")
        defer { database.resetAll() }
        return try statement.step() ? statement.int(0) : 0
    }

    // MARK: Built

    /// True once the index holds every story (after a full fill or a `reindex`).
    var isBuilt: Bool {
        lock.withLock {
            defer { database.resetAll() }
            return (try? setting("built")) == String(IndexSchema.version)
        }
    }

    func markBuilt() throws(WritethruError) {
        try locked { () throws(SQLiteError) in try setSetting("built", String(IndexSchema.version)) }
    }

    func setting(_ name: String) throws(SQLiteError) -> String? {
        try Self.storedSetting(database, name)
    }

    static func storedSetting(_ database: Database, _ name: String) throws(SQLiteError) -> String? {
        let statement = try database.statement("SELECT value FROM setting WHERE name = ?").bind(.text(name))
        return try statement.step() ? statement.text(0) : nil
    }

    func setSetting(_ name: String, _ value: String) throws(SQLiteError) {
        try database.statement("INSERT OR REPLACE INTO setting(name, value) VALUES(?, ?)")
            .bind(.text(name), .text(value)).run()
    }

    // MARK: Lookups

    /// The stories recorded under an identity key (a URL or headline key), queued ones first.
    func identityStories(key: String) -> [String] {
        let hash = Self.hash(key)
        return lock.withLock {
            defer { database.resetAll() }
            var stories = queuedIdentity[hash] ?? []
            let statement = try? database.statement("""
                SELECT story.name FROM identity JOIN story ON story.id = identity.story
                WHERE identity.key = ? ORDER BY identity.story
                """).bind(.integer(Int64(bitPattern: hash)))
            while let statement, (try? statement.step()) == true {
                let name = statement.text(0)
                if !stories.contains(name) { stories.append(name) }
            }
            return stories
        }
    }

    /// How many stories printed `paragraph` (up to the furniture bound).
    func storyCount(of paragraph: String) -> Int {
        let hash = Self.hash(paragraph)
        return lock.withLock {
            defer { database.resetAll() }
            return storedCount(hash) + (queuedFurniture[hash]?.count ?? 0)
        }
    }

    /// Stories the database lists for a paragraph, read once per flush.
    private func storedCount(_ hash: UInt64) -> Int {
        if let known = furnitureCounts[hash] { return known }
        let bound = Self.furnitureListBound(learnAfterStories)
        let statement = try? database.statement(
            "SELECT count(*) FROM (SELECT 1 FROM furniture WHERE paragraph = ? LIMIT ?)")
            .bind(.integer(Int64(bitPattern: hash)), .int(bound))
        let count = statement.flatMap { (try? $0.step()) == true ? $0.int(0) : nil } ?? 0
        if furnitureCounts.count >= 1 << 18 { furnitureCounts.removeAll(keepingCapacity: true) }
        furnitureCounts[hash] = count
        return count
    }

    /// Whether the database lists `story` for a paragraph.
    private func storedFurniture(_ hash: UInt64, story: String) -> Bool {
        let statement = try? database.statement("""
            SELECT 1 FROM furniture WHERE paragraph = ? AND story = (SELECT id FROM story WHERE name = ?)
            """).bind(.integer(Int64(bitPattern: hash)), .text(story))
        return statement.map { (try? $0.step()) == true } ?? false
    }

    /// How many stories a furniture paragraph lists at most: enough to tell that it reached
    /// `learnAfterStories` (and the statistics of twice that).
    static func furnitureListBound(_ learnAfterStories: Int) -> Int { max(64, 2 * learnAfterStories) }

    // MARK: Queue

    /// Queues one written version of `story` for the database (`Archive.flush`).
    func queue(story: String, version: IndexedVersion) {
        lock.withLock {
            if queued[story] == nil { queueOrder.append(story) }
            queued[story, default: []].append(version)
        }
    }

    /// Lets lookups see what a revision placed in `story` adds (its identity keys and
    /// paragraphs) before it is written and flushed.
    func note(story: String, keys: RevisionKeys) {
        lock.withLock {
            defer { database.resetAll() }
            for hash in keys.identity where queuedIdentity[hash]?.contains(story) != true {
                queuedIdentity[hash, default: []].append(story)
            }
            let known = lastQueuedFurniture[story] ?? []
            let bound = Self.furnitureListBound(learnAfterStories)
            for hash in keys.furniture.subtracting(known) {
                guard queuedFurniture[hash]?.contains(story) != true else { continue }
                let stored = storedCount(hash)
                let count = stored + (queuedFurniture[hash]?.count ?? 0)
                guard count < bound, stored == 0 || !storedFurniture(hash, story: story) else { continue }
                queuedFurniture[hash, default: []].insert(story)
                if learnAfterStories > 0, count + 1 == learnAfterStories { furnitureGeneration += 1 }
            }
            lastQueuedFurniture[story] = keys.furniture
        }
    }

    /// Takes the queue, story by story (oldest queued first).
    func takeQueued() -> [(story: String, versions: [IndexedVersion])] {
        lock.withLock {
            let taken = queueOrder.map { ($0, queued[$0] ?? []) }
            clearQueue()
            return taken
        }
    }

    var hasQueued: Bool { lock.withLock { !queueOrder.isEmpty } }

    /// Forgets what was queued (its revisions were not written).
    func discardUnwritten() {
        lock.withLock { clearQueue() }
        journal?.dropIndexLines()
    }

    private func clearQueue() {
        queued = [:]
        queueOrder = []
        queuedIdentity = [:]
        queuedFurniture = [:]
        lastQueuedFurniture = [:]
    }

    // MARK: Writing

    /// Runs `body` under the index's lock in one write transaction (which waits for other
    /// writers on the busy timeout).
    func write<T>(_ body: (IndexWriter) throws(WritethruError) -> T) throws(WritethruError) -> T {
        lock.lock()
        defer { lock.unlock() }
        furnitureCounts.removeAll(keepingCapacity: true)
        database.resetAll()
        defer { database.resetAll() }
        let counter: WordCounter
        if let words {
            counter = words
        } else {
            do {
                counter = try WordCounter(database)
            } catch {
                throw .storage("cannot write the derived index \(path): \(error.message)")
            }
            words = counter
        }
        let writer = IndexWriter(database: database, learnAfterStories: learnAfterStories, words: counter)
        do {
            try database.execute("BEGIN IMMEDIATE")
        } catch {
            throw .storage("cannot write the derived index \(path): \(error.message)")
        }
        do {
            let value = try body(writer)
            try writer.finish()
            // No statement may still hold the read snapshot when the transaction commits: the
            // checkpoint that follows a commit could not move the WAL's frames into the file.
            database.resetAll()
            try sqlite("write the derived index") { () throws(SQLiteError) in try database.execute("COMMIT") }
            checkpointIfLarge()
            return value
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    /// The WAL size past which a writer empties it into the database after its commit.
    static let walCheckpointBytes = 1 << 20

    /// Empties the WAL into the database once it holds more than `walCheckpointBytes`.
    ///
    /// Writethru's processes are short: each opens the index, writes one transaction and exits.
    /// A connection that closes last would checkpoint (and fsync twice) on its way out; that is
    /// switched off (`skipCheckpointOnClose`), so the next process to open the index reads the
    /// whole WAL to rebuild its index of it, and after that read SQLite no longer knows which
    /// frames were already copied: its own automatic checkpoint would copy the whole WAL again
    /// at every commit, and never start the WAL afresh. So the writers checkpoint themselves,
    /// with TRUNCATE (the WAL left empty, nothing to read at the next open), once it passes
    /// 1 MB (about 20 single records), waiting at most 200 ms for readers (else a later writer
    /// does it).
    /// - Complexity: one `stat`; a checkpoint copies at most the WAL's pages.
    private func checkpointIfLarge() {
        var status = stat()
        guard stat(path + "-wal", &status) == 0, status.st_size > Self.walCheckpointBytes else { return }
        database.truncateWAL(waiting: .milliseconds(200))
    }

    /// Runs a read under the index's lock.
    func read<T>(_ body: (Database) throws(SQLiteError) -> T) throws(WritethruError) -> T {
        try locked { () throws(SQLiteError) in try body(database) }
    }

    private func locked<T>(_ body: () throws(SQLiteError) -> T) throws(WritethruError) -> T {
        lock.lock()
        defer {
            database.resetAll()
            lock.unlock()
        }
        return try sqlite("read the derived index", body)
    }

    func sqlite<T>(_ doing: String, _ body: () throws(SQLiteError) -> T) throws(WritethruError) -> T {
        do {
            return try body()
        } catch {
            if error.isBusy {
                throw .contention("the derived index \(path) stayed locked by another writer for 30 s "
                    + "(\(error.message)); nothing was lost, run the command again")
            }
            throw .storage("cannot \(doing) \(path): \(error.message)")
        }
    }

    /// FNV-1a, 64 bits: stable across runs and machines, unlike Swift's seeded `Hasher`.
    static func hash(_ key: String) -> UInt64 {
        SearchText.fnv1a(key.utf8)
    }
}

extension DerivedIndex {
    /// Runs a full-text query: a query FTS5 cannot read (SQLite's generic error, as opposed to
    /// I/O, corruption or locking) is the user's mistake (exit 64), in one line that says how
    /// to write it.
    func search<T>(_ body: (Database) throws(SQLiteError) -> T) throws(WritethruError) -> T {
        lock.lock()
        defer {
            database.resetAll()
            lock.unlock()
        }
        do {
            return try body(database)
        } catch where error.code == 1 {
            throw .usage("the query is not valid full-text syntax (\(error.message)); put a phrase in double quotes, "
                + "such as 'NEAR(\"Zhao Lijian\" talks)' (docs/search.md)")
        } catch {
            throw .storage("cannot read the derived index \(path): \(error.message)")
        }
    }
}
