import CSQLite
import Foundation

/// The derived index's full-text helpers (CSQLite/search.h; decision 0047).
extension Database {
    /// Registers `writethru_bm25(table)` (FTS5's bm25, each row's length read from the table
    /// `sentence_block`) and `writethru_story(table)` (the row's story, from the same table).
    public func registerSearchFunctions() throws(SQLiteError) {
        var state: UnsafeMutablePointer<writethru_search_state>?
        let status = writethru_register_search_functions(handle, &state)
        guard status == SQLITE_OK else {
            throw SQLiteError(code: status, message: "cannot register the search functions (FTS5 missing?)",
                              context: "open \(path)")
        }
        searchState = state
    }

    /// The phrases of the last query that called `writethru_bm25`, and the rows of its table:
    /// a caller that asked it to defer (`writethru_bm25(table, 1)`) and got one phrase scales
    /// every score by `idf(rows:hits:)` itself.
    public var lastSearch: (phrases: Int, rows: Int64)? {
        searchState.map { (Int($0.pointee.phrases), $0.pointee.rows) }
    }

    /// FTS5's bm25 IDF of a phrase found in `hits` of `rows` rows (fts5_aux.c), as search.h.
    public static func idf(rows: Int64, hits: Int64) -> Double {
        let idf = log((Double(rows - hits) + 0.5) / (Double(hits) + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }
}

/// Counts a sentence's words as the index's FTS5 tokenizer does (`unicode61 remove_diacritics
/// 2`), for the lengths `sentence_block` keeps. One per writer; not thread-safe.
public final class WordCounter {
    /// Rows of `sentence_block`: the lengths and stories of the 1,024 rowids from `block << 10`.
    public static let blockBits = Int(WRITETHRU_BLOCK_BITS)
    public static let blockRows = 1 << blockBits
    /// The length stored for a sentence of 255 words or more (its length is in `sentence_length`).
    public static let unknown = 255  // WRITETHRU_WORDS_UNKNOWN

    private let counter: UnsafeMutablePointer<writethru_word_counter>

    public init(_ database: Database) throws(SQLiteError) {
        guard let counter = writethru_word_counter_open(database.handle) else {
            throw SQLiteError(code: SQLITE_ERROR, message: "cannot open FTS5's unicode61 tokenizer",
                              context: "open \(database.path)")
        }
        self.counter = counter
    }

    deinit { writethru_word_counter_close(counter) }

    /// The number of words (tokens) in `text`.
    /// - Complexity: O(n) in its length.
    public func count(_ text: String) throws(SQLiteError) -> Int {
        var copy = text
        let words = copy.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                writethru_count_words(counter, chars.baseAddress, Int32(clamping: chars.count))
            }
        }
        guard words >= 0 else {
            throw SQLiteError(code: SQLITE_ERROR, message: "the tokenizer failed", context: "count words")
        }
        return Int(words)
    }
}
