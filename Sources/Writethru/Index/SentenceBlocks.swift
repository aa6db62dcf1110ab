import SQLiteStore

/// The lengths (in FTS5's words) and stories of the sentences one write transaction adds, by
/// row of `sentence_block` (IndexSchema, decision 0047), written once at its end: an import's
/// chunk or a `record` rewrites each block it touched once, not once per sentence.
final class SentenceBlocks {
    private var pending: [Int64: [(offset: Int, words: UInt8, story: UInt32)]] = [:]

    /// Notes sentence `id`'s length and story.
    func note(_ id: Int64, words: Int, story: Int64) throws(SQLiteError) {
        guard id >= 0, story >= 0, story <= Int64(UInt32.max) else {
            throw SQLiteError(code: 13, message: "sentence \(id) of story \(story) is past the index's blocks",
                              context: "insert sentence")
        }
        pending[id >> WordCounter.blockBits, default: []].append(
            (Int(id & Int64(WordCounter.blockRows - 1)), UInt8(min(words, WordCounter.unknown)), UInt32(story)))
    }

    /// Writes every block noted, each read, patched and written whole.
    /// - Complexity: O(b) statements for b blocks touched, each 5 KB.
    func write(to database: Database) throws(SQLiteError) {
        let rows = WordCounter.blockRows
        for (block, entries) in pending {
            let read = try database.statement("SELECT words, stories FROM sentence_block WHERE block = ?")
                .bind(.integer(block))
            var words = [UInt8](repeating: UInt8(WordCounter.unknown), count: rows)
            var stories = [UInt8](repeating: 0, count: 4 * rows)
            if try read.step() {
                let stored = (read.blob(0), read.blob(1))
                if stored.0.count == rows, stored.1.count == 4 * rows { (words, stories) = stored }
            }
            for entry in entries {
                words[entry.offset] = entry.words
                for byte in 0..<4 { stories[4 * entry.offset + byte] = UInt8(truncatingIfNeeded: entry.story >> (24 - 8 * byte)) }
            }
            try database.statement("INSERT OR REPLACE INTO sentence_block(block, words, stories) VALUES(?, ?, ?)")
                .bind(.integer(block)).bind(blob: words, at: 2).bind(blob: stories, at: 3).run()
        }
        pending = [:]
    }
}
