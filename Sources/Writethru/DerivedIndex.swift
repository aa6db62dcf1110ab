import Foundation
import StoryText

/// Data Writethru derives from the archive and keeps beside it, in `<archive>/writethru/`:
/// which stories printed each paragraph (for learned boilerplate), which URLs and headlines
/// belong to which story (for story identity) and which stories ever printed each word (for
/// `search`). It is never the record itself: git ignores the
/// folder, clones do not carry it, and it is rebuilt from the story branches when missing.
///
/// Each table is split into 4,096 append-only shard files of `<key hash> <value>` lines, so a
/// lookup reads one small file and concurrent writers only ever append whole lines.
///
/// Thread-safe: an import reads its inputs on every core, and reading consults the learned
/// furniture; one lock guards the tables in memory and the lines waiting to be written.
final class DerivedIndex: FurnitureCatalog, @unchecked Sendable {
    private let lock = NSLock()
    /// Bump when the layout changes: an index of another version is rebuilt.
    static let layoutVersion = "2"

    let directory: String
    /// Shards read so far, by table and shard number (the hash's top 12 bits).
    private var loaded: [Table: [Int: [UInt64: [String]]]] = [:]
    /// Grows each time a paragraph reaches `learnAfterStories` stories in this process, that
    /// is, becomes learned furniture: a reader can tell whether what it read is still current.
    private(set) var furnitureGeneration = 0
    /// Words this process added for each story.
    private var wordsAdded: [String: Set<String>] = [:]
    /// The archive's `boilerplate.learnAfterStories` (0: learning is off).
    var learnAfterStories = 0
    /// Lines waiting to be appended, by shard file: appends are written by `flush`, one
    /// open and write per shard, instead of one per key.
    private var unwritten: [String: String] = [:]

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
        try Data((Self.layoutVersion + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/index-version"), options: .atomic)
    }

    // MARK: Tables

    enum Table: String {
        case furniture, identity, words

        /// Hex digits of the key hash that name a shard file: 4,096 shards for the tables a
        /// record looks up per paragraph, 256 for the word table, which only `search` reads
        /// (a bulk import touches every shard of a table once per chunk).
        var shardDigits: Int { self == .words ? 2 : 3 }

        func shard(of hash: UInt64) -> Int { Int(hash >> UInt64(64 - 4 * shardDigits)) }

        func shardName(_ shard: Int) -> String {
            let digits = String(shard, radix: 16)
            return String(repeating: "0", count: shardDigits - digits.count) + digits
        }
    }

    /// Values stored under `key` in `table`, distinct, in the order they were added.
    func values(_ table: Table, key: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let hash = Self.hash(key)
        let shard = table.shard(of: hash)
        ensureLoaded(table, shard: shard)
        return loaded[table]?[shard]?[hash] ?? []
    }

    /// Adds `value` under each key that does not hold it yet. Lookups see it at once; the
    /// files get it on `flush`.
    func add(_ table: Table, keys: [String], value: String) {
        lock.lock()
        defer { lock.unlock() }
        for key in Set(keys) {
            let hash = Self.hash(key)
            let shard = table.shard(of: hash)
            if table == .words {
                // Write only: a common word names most stories, and holding or scanning those
                // lists would make an import quadratic. `addWords` skips what this process
                // already added; readers drop repeated lines; `reindex` compacts.
                unwritten[table.rawValue + "/" + table.shardName(shard), default: ""] += Self.hex(hash) + " " + value + "\n"
                continue
            }
            ensureLoaded(table, shard: shard)
            // Learning needs only to know that a paragraph reached the threshold: past a
            // bound, more stories are not listed, so boilerplate printed everywhere costs
            // nothing.
            if table == .furniture, (loaded[table]?[shard]?[hash]?.count ?? 0) >= Self.furnitureListBound(learnAfterStories) { continue }
            guard loaded[table]?[shard]?[hash]?.contains(value) != true else { continue }
            // Mutated in place: copying a shard per key would make a bulk record quadratic.
            loaded[table, default: [:]][shard, default: [:]][hash, default: []].append(value)
            unwritten[table.rawValue + "/" + table.shardName(shard), default: ""] += Self.hex(hash) + " " + value + "\n"
            if table == .furniture, learnAfterStories > 0, loaded[table]?[shard]?[hash]?.count == learnAfterStories {
                furnitureGeneration += 1
            }
        }
    }

    /// Adds the words of a revision (headline and paragraphs) to the search table: each word
    /// names the stories that ever printed it.
    /// Adds what one revision of `story` teaches the index: its URL and headline (identity),
    /// its paragraphs and the paragraphs set aside as learned furniture (furniture), and its
    /// words (search; `words` when already found).
    func addRevision(story: String, url: String?, headline: String, paragraphs: [String], learned: [String], words: Set<String>?) {
        add(.identity, keys: [url.flatMap(IdentityKey.url), IdentityKey.headline(headline)].compactMap { $0 }, value: story)
        add(.furniture, keys: paragraphs + learned, value: story)
        addWords(words ?? SearchText.words([headline] + paragraphs), story: story)
    }

    /// How many stories a furniture paragraph lists at most: enough to tell that it reached
    /// `learnAfterStories` (and the statistics of twice that).
    static func furnitureListBound(_ learnAfterStories: Int) -> Int { max(64, 2 * learnAfterStories) }

    private func addWords(_ words: Set<String>, story: String) {
        // A story's versions repeat most words: only those this process has not yet added
        // for the story are looked up.
        let new = words.subtracting(wordsAdded[story] ?? [])
        guard !new.isEmpty else { return }
        wordsAdded[story, default: []].formUnion(new)
        add(.words, keys: Array(new), value: story)
    }

    /// Appends what `add` gathered to the shard files.
    func flush() {
        lock.lock()
        defer { lock.unlock() }
        for (shard, text) in unwritten.sorted(by: { $0.key < $1.key }) {
            append(text, to: directory + "/" + shard)
        }
        unwritten = [:]
    }

    // MARK: FurnitureCatalog

    func storyCount(of paragraph: String) -> Int {
        values(.furniture, key: paragraph).count
    }

    // MARK: Storage

    /// Reads a shard file into memory the first time it is needed.
    private func ensureLoaded(_ table: Table, shard: Int) {
        guard loaded[table]?[shard] == nil else { return }
        var entries: [UInt64: [String]] = [:]
        var seen = Set<String>()
        let file = directory + "/" + table.rawValue + "/" + table.shardName(shard)
        if let data = FileManager.default.contents(atPath: file) {
            for line in data.split(separator: 0x0A) {
                guard let space = line.firstIndex(of: 0x20),
                      let hash = UInt64(String(decoding: line[line.startIndex..<space], as: UTF8.self), radix: 16) else { continue }
                let value = String(decoding: line[(space + 1)...], as: UTF8.self)
                // Lines repeat (appends from many processes): keep each value once, in order.
                if seen.insert(String(decoding: line, as: UTF8.self)).inserted { entries[hash, default: []].append(value) }
            }
        }
        loaded[table, default: [:]][shard] = entries
    }

    /// Appends whole lines with O_APPEND, so concurrent writers never interleave inside one.
    private func append(_ text: String, to path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// FNV-1a, 64 bits: stable across runs and machines, unlike Swift's seeded `Hasher`.
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

}
