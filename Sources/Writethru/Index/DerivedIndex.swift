import Foundation
import StoryText

/// Data Writethru derives from the archive and keeps beside it, in `<archive>/writethru/`:
/// which stories printed each paragraph (for learned boilerplate), which URLs and headlines
/// belong to which story (for story identity) and which stories ever printed each word (for
/// `search`). It is never the record itself: git ignores the
/// folder, clones do not carry it, and it is rebuilt from the story branches when missing.
///
/// Each table is split into append-only shard files of `<key hash> <value>` lines (1,024 for
/// paragraphs, 256 for identity and words), so a lookup reads one small file and concurrent
/// writers only ever append whole lines.
///
/// Thread-safe: an import reads its inputs on every core, and reading consults the learned
/// furniture; one lock guards the tables in memory and the lines waiting to be written.
final class DerivedIndex: FurnitureCatalog, @unchecked Sendable {
    private let lock = NSLock()
    /// Bump when the layout changes: an index of another version is rebuilt.
    static let layoutVersion = "3"

    let directory: String
    /// Shards read so far, by table and shard number (the hash's top bits).
    private var loaded: [[[UInt64: [String]]?]] = Table.allCases.map {
        [[UInt64: [String]]?](repeating: nil, count: $0.shardCount)
    }
    /// Grows each time a paragraph reaches `learnAfterStories` stories in this process, that
    /// is, becomes learned furniture: a reader can tell whether what it read is still current.
    private(set) var furnitureGeneration = 0
    /// Hashes of the words added for each story since the last flush (kept only that long, so
    /// an import of many stories holds a chunk's worth, not every story's vocabulary).
    private var wordsAdded: [String: Set<UInt64>] = [:]
    /// The archive's `boilerplate.learnAfterStories` (0: learning is off).
    var learnAfterStories = 0
    /// Lines waiting to be appended, by table and shard: appends are written by `flush`, one
    /// open and write per shard, instead of one per key.
    private var unwritten: [[Int: [UInt8]]] = Table.allCases.map { _ in [:] }
    /// The writing process's journal: told when what it moved is written here, or dropped.
    var journal: WriterJournal?
    /// The stories learned again when the index was opened, after a writer was killed.
    var caughtUp: [StoryID] = []

    init(archivePath: String) {
        directory = archivePath + "/writethru"
    }

    /// An index kept in another folder (`reindex` builds the new one beside the old).
    init(directory: String) {
        self.directory = directory
    }

    var isBuilt: Bool {
        (try? String(contentsOfFile: directory + "/index-version", encoding: .utf8)) == Self.layoutVersion + "\n"
    }

    func markBuilt() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data((Self.layoutVersion + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/index-version"),
                                                         options: .atomic)
    }

    // MARK: Tables

    enum Table: String, CaseIterable {
        case furniture, identity, words

        var ordinal: Int {
            switch self {
            case .furniture: 0
            case .identity: 1
            case .words: 2
            }
        }

        /// Bits of the key hash that name a shard file: 1,024 shards for the paragraphs a
        /// record looks up (the largest table a record reads), 256 for the identity table
        /// (two keys a story) and the word table, which only `search` reads. Few files matter:
        /// a bulk import touches every shard of a table, and creating files is much of its cost.
        var shardBits: Int { self == .furniture ? 10 : 8 }
        var shardCount: Int { 1 << shardBits }

        func shard(of hash: UInt64) -> Int { Int(hash >> UInt64(64 - shardBits)) }

        func shardName(_ shard: Int) -> String {
            let digits = String(shard, radix: 16)
            return String(repeating: "0", count: (shardBits + 3) / 4 - digits.count) + digits
        }
    }

    /// Values stored under `key` in `table`, distinct, in the order they were added.
    func values(_ table: Table, key: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let hash = Self.hash(key)
        let shard = table.shard(of: hash)
        ensureLoaded(table, shard: shard)
        return loaded[table.ordinal][shard]?[hash] ?? []
    }

    /// Adds `value` under each key (by hash) that does not hold it yet. Lookups see it at
    /// once; the files get it on `flush`.
    func add(_ table: Table, hashes: Set<UInt64>, value: String) {
        lock.lock()
        defer { lock.unlock() }
        let line = Array((" " + value + "\n").utf8)
        for hash in hashes {
            let shard = table.shard(of: hash)
            if table != .words {
                ensureLoaded(table, shard: shard)
                let count = loaded[table.ordinal][shard]?[hash]?.count ?? 0
                // Learning needs only to know that a paragraph reached the threshold: past a
                // bound, more stories are not listed, so boilerplate printed everywhere costs
                // nothing.
                if table == .furniture, count >= Self.furnitureListBound(learnAfterStories) { continue }
                guard count == 0 || loaded[table.ordinal][shard]?[hash]?.contains(value) != true else { continue }
                // Mutated in place: copying a shard per key would make a bulk record quadratic.
                loaded[table.ordinal][shard]?[hash, default: []].append(value)
                if table == .furniture, learnAfterStories > 0, count + 1 == learnAfterStories {
                    furnitureGeneration += 1
                }
            }
            // The word table is write only: a common word names most stories, and holding or
            // scanning those lists would make an import quadratic. `addRevision` skips what
            // was added since the last flush; readers drop repeated lines; `reindex` compacts.
            Self.appendHex(hash, to: &unwritten[table.ordinal][shard, default: []])
            unwritten[table.ordinal][shard, default: []].append(contentsOf: line)
        }
    }

    /// Adds what one revision of `story` teaches the index: its URL and headline (identity),
    /// its paragraphs and the paragraphs set aside as learned furniture (furniture), and its
    /// words (search).
    func addRevision(story: String, keys: RevisionKeys) {
        add(.identity, hashes: keys.identity, value: story)
        add(.furniture, hashes: keys.furniture, value: story)
        // A story's versions repeat most words: only those not yet added for the story since
        // the last flush are written (a repeat across flushes is a harmless repeated line).
        let new = keys.words.subtracting(lock.withLock { wordsAdded[story] ?? [] })
        guard !new.isEmpty else { return }
        lock.withLock { wordsAdded[story, default: []].formUnion(new) }
        add(.words, hashes: new, value: story)
    }

    /// How many stories a furniture paragraph lists at most: enough to tell that it reached
    /// `learnAfterStories` (and the statistics of twice that).
    static func furnitureListBound(_ learnAfterStories: Int) -> Int { max(64, 2 * learnAfterStories) }

    /// Forgets the lines `add` gathered since the last flush (their revisions were not written).
    func discardUnwritten() {
        lock.withLock {
            unwritten = Table.allCases.map { _ in [:] }
            wordsAdded = [:]
        }
        journal?.dropIndexLines()
    }

    /// Appends what `add` gathered to the shard files.
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        for table in Table.allCases {
            for (shard, bytes) in unwritten[table.ordinal].sorted(by: { $0.key < $1.key }) {
                append(bytes, to: directory + "/" + table.rawValue + "/" + table.shardName(shard))
            }
            unwritten[table.ordinal] = [:]
        }
        wordsAdded = [:]
        journal?.markIndexed()
    }

    // MARK: FurnitureCatalog

    func storyCount(of paragraph: String) -> Int {
        values(.furniture, key: paragraph).count
    }

    // MARK: Storage

    /// Reads a shard file into memory the first time it is needed.
    private func ensureLoaded(_ table: Table, shard: Int) {
        guard loaded[table.ordinal][shard] == nil else { return }
        let file = directory + "/" + table.rawValue + "/" + table.shardName(shard)
        loaded[table.ordinal][shard] = FileManager.default.contents(atPath: file).map(Self.entries) ?? [:]
    }

    /// A shard file's `<key hash> <value>` lines by hash, each distinct line once, in order.
    /// A line that is not a hash, a space and a value is skipped.
    static func entries(of data: Data) -> [UInt64: [String]] {
        var entries: [UInt64: [String]] = [:]
        // Lines repeat (appends from many processes): keep each value once, in order. A line
        // as written (16 lower-case hex digits) is known by its hash and value; any other by
        // its text, so two lines are kept apart exactly when their texts differ.
        struct Written: Hashable {
            var hash: UInt64
            var value: String
        }
        var seenWritten = Set<Written>()
        var seenOther = Set<String>()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard end > start else { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard let space = line.firstIndex(of: 0x20) else { continue }
                let value = String(decoding: UnsafeBufferPointer(rebasing: line[(space + 1)...]), as: UTF8.self)
                if space == 16, let hash = lowerHex(UnsafeBufferPointer(rebasing: line[..<space])) {
                    if seenWritten.insert(Written(hash: hash, value: value)).inserted {
                        entries[hash, default: []].append(value)
                    }
                    continue
                }
                guard let hash = UInt64(String(decoding: UnsafeBufferPointer(rebasing: line[..<space]), as: UTF8.self),
                                        radix: 16) else { continue }
                if seenOther.insert(String(decoding: line, as: UTF8.self)).inserted {
                    entries[hash, default: []].append(value)
                }
            }
        }
        return entries
    }

    /// Lower-case hex digits as a number, or nil when any byte is not one.
    private static func lowerHex(_ digits: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        for byte in digits {
            switch byte {
            case 0x30...0x39: value = value << 4 | UInt64(byte - 0x30)
            case 0x61...0x66: value = value << 4 | UInt64(byte - 0x57)
            default: return nil
            }
        }
        return value
    }

    /// Appends whole lines with O_APPEND, so concurrent writers never interleave inside one.
    private func append(_ bytes: [UInt8], to path: String) {
        var fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// FNV-1a, 64 bits: stable across runs and machines, unlike Swift's seeded `Hasher`.
    static func hash(_ key: String) -> UInt64 {
        SearchText.fnv1a(key.utf8)
    }

    /// The hash as 16 lower-case hex digits.
    private static func appendHex(_ hash: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8((hash >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
    }
}

