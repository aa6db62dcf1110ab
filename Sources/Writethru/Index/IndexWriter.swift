internal import GitStore
import SQLiteStore

/// What a story's rows in the index describe: its row id, the commit they were learned up to
/// and how many versions that is.
struct IndexedStory: Equatable {
    let id: Int64
    let tip: String
    let versions: Int
}

/// Writes to the derived index inside one transaction (`DerivedIndex.write`): applies a
/// story's versions in order and forgets stories.
///
/// Sentences are kept as spans: one row per distinct sentence of a story, with the first
/// version that printed it and the last (NULL while the latest version prints it). A version
/// writes only what changed: the sentences it brings (new, or printed again after a gap: the
/// row's `last` is cleared) and those it drops (`last` set to the version before).
/// - Complexity: for each version, O(s) for its s sentences (hash lookups) plus one indexed
///  write per sentence added or dropped.
struct IndexWriter {
    let database: Database
    let learnAfterStories: Int
    /// FTS5's tokenizer, for each new sentence's length in `sentence_block`.
    let words: WordCounter
    /// The blocks of `sentence_block` this transaction changes (written by `finish`).
    let blocks = SentenceBlocks()

    func state(of story: String) throws(WritethruError) -> IndexedStory? {
        try run { () throws(SQLiteError) in
            let statement = try database.statement("SELECT id, tip, versions FROM story WHERE name = ?")
                .bind(.text(story))
            return try statement.step()
                ? IndexedStory(id: statement.int64(0), tip: statement.text(1), versions: statement.int(2)) : nil
        }
    }

    /// Every story the index lists and its indexed tip.
    func tips() throws(WritethruError) -> [String: String] {
        try run { () throws(SQLiteError) in
            var tips: [String: String] = [:]
            let statement = try database.statement("SELECT name, tip FROM story")
            while try statement.step() { tips[statement.text(0)] = statement.text(1) }
            return tips
        }
    }

    /// Adds `versions` (consecutive, the first following `state`'s) to a story's rows.
    func apply(_ story: String, _ versions: [IndexedVersion], after state: IndexedStory?) throws(WritethruError) {
        guard let last = versions.last, let first = versions.first else { return }
        try run { () throws(SQLiteError) in
            let id: Int64
            if let state {
                id = state.id
                try database.statement(
                    "UPDATE story SET tip = ?, versions = ?, updated = ?, recorded = ?, headline = ? WHERE id = ?")
                    .bind(.text(last.commit), .int(last.number), .integer(last.updated), .integer(last.recorded),
                          .text(last.headline), .integer(id)).run()
            } else {
                try database.statement("""
                    INSERT INTO story(name, tip, versions, first_updated, updated, recorded, headline)
                    VALUES(?, ?, ?, ?, ?, ?, ?)
                    """).bind(.text(story), .text(last.commit), .int(last.number), .integer(first.updated),
                              .integer(last.updated), .integer(last.recorded), .text(last.headline)).run()
                id = database.lastInsertedRowID
            }
            var spans = try state == nil ? StorySpans() : StorySpans(reading: id, from: database)
            var furniture = Set<UInt64>()
            for version in versions {
                guard let commit = ObjectID(hex: version.commit) else {
                    throw SQLiteError(code: 20, message: "version \(version.number) of \(story) has no commit id",
                                      context: "insert version")
                }
                try database.statement("""
                    INSERT OR REPLACE INTO version(story, number, tag, updated, recorded, commit_id)
                    VALUES(?, ?, ?, ?, ?, ?)
                    """).bind(.integer(id), .int(version.number), .optional(version.tag), .integer(version.updated),
                              .integer(version.recorded)).bind(blob: commit.bytes, at: 6).run()
                try applySentences(version, story: id, spans: &spans)
                for key in version.keys.identity {
                    try database.statement("INSERT OR IGNORE INTO identity(key, story) VALUES(?, ?)")
                        .bind(.integer(Int64(bitPattern: key)), .integer(id)).run()
                }
                for paragraph in version.keys.furniture where furniture.insert(paragraph).inserted {
                    try addFurniture(paragraph, story: id)
                }
            }
        }
    }

    /// Writes what one version changes in the story's sentence spans.
    private func applySentences(_ version: IndexedVersion, story: Int64,
                                spans: inout StorySpans) throws(SQLiteError) {
        var before = spans.printed
        var now: [UInt64: Int64] = [:]
        now.reserveCapacity(version.keys.sentences.count)
        for sentence in version.keys.sentences {
            if let id = before.removeValue(forKey: sentence.key) {
                now[sentence.key] = id
            } else if let id = spans.dropped.removeValue(forKey: sentence.key) {
                // Printed again after a version that dropped it.
                try database.statement("UPDATE sentence SET last = NULL WHERE id = ?").bind(.integer(id)).run()
                now[sentence.key] = id
            } else {
                try database.statement("INSERT INTO sentence(story, key, first, paragraph) VALUES(?, ?, ?, ?)")
                    .bind(.integer(story), .integer(Int64(bitPattern: sentence.key)), .int(version.number),
                          .int(sentence.paragraph)).run()
                let id = database.lastInsertedRowID
                try database.statement("INSERT INTO sentence_text(rowid, text) VALUES(?, ?)")
                    .bind(.integer(id), .text(sentence.text)).run()
                let count = try words.count(sentence.text)
                if count >= WordCounter.unknown {
                    try database.statement("INSERT OR REPLACE INTO sentence_length(id, words) VALUES(?, ?)")
                        .bind(.integer(id), .int(count)).run()
                }
                try blocks.note(id, words: count, story: story)
                now[sentence.key] = id
            }
        }
        for (key, id) in before {
            try database.statement("UPDATE sentence SET last = ? WHERE id = ?")
                .bind(.int(version.number - 1), .integer(id)).run()
            spans.dropped[key] = id
        }
        spans.printed = now
    }

    /// Lists the story for a paragraph, unless the paragraph already lists the bound's worth.
    private func addFurniture(_ paragraph: UInt64, story: Int64) throws(SQLiteError) {
        try database.statement("""
            INSERT OR IGNORE INTO furniture(paragraph, story) SELECT ?1, ?2
            WHERE (SELECT count(*) FROM (SELECT 1 FROM furniture WHERE paragraph = ?1 LIMIT ?3)) < ?3
            """).bind(.integer(Int64(bitPattern: paragraph)), .integer(story),
                      .int(DerivedIndex.furnitureListBound(learnAfterStories))).run()
    }

    /// Removes every row of a story (its branch is gone, or its history was replaced).
    ///
    /// The full-text table is contentless (decision 0050): FTS5 takes a row out only when told
    /// the exact text it indexed, and a wrong text silently corrupts the table. Each row's text
    /// is read back from the version that first printed it (`version.commit_id`: the commits
    /// stay in the object store when a history is replaced or a branch deleted, unless pruned)
    /// and taken only when its hash is the row's key. When any row's text cannot be found, no
    /// text is guessed: the full-text table is rebuilt without the story (`rebuildFullText`).
    /// - Complexity: one article read per distinct first version of the story's rows, and one
    ///  FTS5 delete per row; a rebuild reads every other story's versions too.
    func forget(_ story: String, texts: some VersionSentencesSource) throws(WritethruError) {
        guard let state = try state(of: story) else { return }
        let rows = try sentenceRows(of: state.id)
        let found = try? VersionSentences.texts(of: rows, reading: texts)
        try run { () throws(SQLiteError) in
            for (row, text) in zip(rows, found ?? []) {
                try database.statement("INSERT INTO sentence_text(sentence_text, rowid, text) VALUES('delete', ?, ?)")
                    .bind(.integer(row.id), .text(text)).run()
            }
            try deleteRows(of: state.id)
        }
        if found == nil { try rebuildFullText(texts: texts) }
    }

    /// Deletes a story's rows from every table but the full-text one.
    private func deleteRows(of story: Int64) throws(SQLiteError) {
        try database.statement("DELETE FROM sentence_length WHERE id IN (SELECT id FROM sentence WHERE story = ?)")
            .bind(.integer(story)).run()
        for table in ["sentence", "version", "identity", "furniture"] {
            try database.statement("DELETE FROM \(table) WHERE story = ?").bind(.integer(story)).run()
        }
        try database.statement("DELETE FROM story WHERE id = ?").bind(.integer(story)).run()
    }

    /// Empties the full-text table and indexes again the sentences of every story the index
    /// still lists, each text read back from git and checked against its row's key. A story
    /// whose text cannot be found either (the archive is damaged: `writethru verify` says
    /// where) is taken out of the index too, rather than listed with sentences that no search
    /// finds; `writethru reindex` learns it again once it can be read.
    /// - Complexity: one article read per distinct first version of every sentence row, and
    ///  one FTS5 insert per row: about what `reindex` reads.
    private func rebuildFullText(texts: some VersionSentencesSource) throws(WritethruError) {
        let stories = try run { () throws(SQLiteError) -> [Int64] in
            try database.execute("INSERT INTO sentence_text(sentence_text) VALUES('delete-all')")
            let statement = try database.statement("SELECT id FROM story ORDER BY id")
            var stories: [Int64] = []
            while try statement.step() { stories.append(statement.int64(0)) }
            return stories
        }
        for story in stories {
            let rows = try sentenceRows(of: story)
            let found = try? VersionSentences.texts(of: rows, reading: texts)
            try run { () throws(SQLiteError) in
                guard let found else { return try deleteRows(of: story) }
                for (row, text) in zip(rows, found) {
                    try database.statement("INSERT INTO sentence_text(rowid, text) VALUES(?, ?)")
                        .bind(.integer(row.id), .text(text)).run()
                }
            }
        }
    }

    /// A story's sentence rows, with the commit of the version that first printed each.
    private func sentenceRows(of story: Int64) throws(WritethruError) -> [SentenceRow] {
        try run { () throws(SQLiteError) in
            let statement = try database.statement("""
                SELECT sentence.id, sentence.key, sentence.paragraph, version.commit_id
                FROM sentence JOIN version ON version.story = sentence.story AND version.number = sentence.first
                WHERE sentence.story = ? ORDER BY sentence.id
                """).bind(.integer(story))
            var rows: [SentenceRow] = []
            while try statement.step() {
                rows.append(SentenceRow(id: statement.int64(0), key: UInt64(bitPattern: statement.int64(1)),
                                        paragraph: statement.int(2), commit: statement.blob(3)))
            }
            return rows
        }
    }

    func setting(_ name: String) throws(WritethruError) -> String? {
        try run { () throws(SQLiteError) in
            let statement = try database.statement("SELECT value FROM setting WHERE name = ?").bind(.text(name))
            return try statement.step() ? statement.text(0) : nil
        }
    }

    func setSetting(_ name: String, _ value: String) throws(WritethruError) {
        try run { () throws(SQLiteError) in
            try database.statement("INSERT OR REPLACE INTO setting(name, value) VALUES(?, ?)")
                .bind(.text(name), .text(value)).run()
        }
    }

    /// Writes what the transaction's sentences add to `sentence_block`; called once, before
    /// the commit.
    func finish() throws(WritethruError) {
        try run { () throws(SQLiteError) in try blocks.write(to: database) }
    }

    private func run<T>(_ body: () throws(SQLiteError) -> T) throws(WritethruError) -> T {
        do {
            return try body()
        } catch {
            throw .storage("cannot write the derived index \(database.path): \(error.message)")
        }
    }
}

/// A story's sentence rows while versions are applied: those the latest version prints and
/// those an earlier version dropped, by key.
struct StorySpans {
    var printed: [UInt64: Int64] = [:]
    var dropped: [UInt64: Int64] = [:]

    init() {}

    /// - Complexity: O(s) for the story's s sentence rows (one index range).
    init(reading story: Int64, from database: Database) throws(SQLiteError) {
        let statement = try database.statement("SELECT key, id, last IS NULL FROM sentence WHERE story = ?")
            .bind(.integer(story))
        while try statement.step() {
            let key = UInt64(bitPattern: statement.int64(0))
            if statement.int(2) != 0 { printed[key] = statement.int64(1) } else { dropped[key] = statement.int64(1) }
        }
    }
}
