import Foundation
import SQLiteStore
import TestSupport
import Testing
@testable import Writethru

/// The derived index's own ranking (decision 0047): `writethru_bm25` is FTS5's bm25 to the bit,
/// `writethru_story` names each match's story, ties go by story name whichever way a tie is
/// ordered, and an index of the layout before is rebuilt.
@Suite struct SearchRankingTests {
    static let at = Date(timeIntervalSince1970: 1_767_225_600)

    /// The seed chain, a story with one sentence of 300 words (past the blocks' 254) and
    /// stories recorded out of name order that all print one sentence.
    static func archive() throws -> TemporaryArchive {
        let temp = try TemporaryArchive()
        for (offset, path) in Fixtures.chain.enumerated() {
            _ = try temp.archive.record([try temp.input(path)], options: RecordOptions(
                story: talks, revisionTime: nil, recordedAt: at.addingTimeInterval(Double(offset) * 3600)))
        }
        let long = (1...300).map { "word\($0 % 17)" }.joined(separator: " ")
        let stories = ["zulu", "alpha", "mike", "bravo", "yankee"]
        for (offset, name) in stories.enumerated() {
            let text = "Story \(name) headline\n\nThe minister did not immediately respond to questions.\n\n"
                + (offset == 0 ? "Officials said the minister \(long) did not immediately respond.\n" : "Paragraph of \(name).\n")
            _ = try temp.archive.record([InputFile(name: "\(name).txt", bytes: Array(text.utf8))], options: RecordOptions(
                story: try StoryID(validating: name), revisionTime: nil, recordedAt: at.addingTimeInterval(Double(offset))))
        }
        return temp
    }

    /// The index's full-text table is contentless: FTS5's own bm25 has no lengths to read there,
    /// so `writethru_bm25` is compared with bm25 over a table with content holding the same
    /// rows, each one's text read back from git as a search reads it.
    @Test func theRankIsFTS5sBm25BitForBitAndTheStoryIsTheRowsOwn() throws {
        let temp = try Self.archive()
        let index = try temp.archive.derivedIndex()
        let reference = try Self.referenceTable(of: temp, index: index)
        for query in ["\"did not immediately respond\"", "minister", "Blinken OR Yang", "NEAR(minister respond, 5)", "respon*",
                      "word3 AND officials", "\"Zhao Lijian\" talks"] {
            let rows = try index.read { (database: Database) throws(SQLiteError) -> [Int64: (Double, Int64, Int64)] in
                let statement = try database.prepare("""
                    SELECT sentence_text.rowid, writethru_bm25(sentence_text), writethru_story(sentence_text),
                           (SELECT story FROM sentence WHERE sentence.id = sentence_text.rowid)
                    FROM sentence_text WHERE sentence_text MATCH ?
                    """).bind(.text(query))
                var rows: [Int64: (Double, Int64, Int64)] = [:]
                while try statement.step() {
                    rows[statement.int64(0)] = (statement.double(1), statement.int64(2), statement.int64(3))
                }
                return rows
            }
            let expected = try reference.prepare("SELECT rowid, bm25(reference) FROM reference WHERE reference MATCH ?")
                .bind(.text(query))
            var bm25: [Int64: Double] = [:]
            while try expected.step() { bm25[expected.int64(0)] = expected.double(1) }
            #expect(!rows.isEmpty, "\(query)")
            #expect(Set(rows.keys) == Set(bm25.keys), "\(query)")
            for (rowid, row) in rows {
                #expect(row.0.bitPattern == bm25[rowid]?.bitPattern, "\(query): \(row.0) against bm25 \(bm25[rowid] ?? .nan)")
                #expect(row.1 == row.2, "\(query)")
            }
        }
        // The sentence of 300 words is ranked by its length in `sentence_length` (its block says 255).
        let long = try index.read { (database: Database) throws(SQLiteError) -> [Int] in
            let statement = try database.prepare("""
                SELECT words FROM sentence_length WHERE id IN
                    (SELECT rowid FROM sentence_text WHERE sentence_text MATCH 'word3 AND officials')
                """)
            var words: [Int] = []
            while try statement.step() { words.append(statement.int(0)) }
            return words
        }
        #expect(long == [308], "\(long)")
    }

    /// An FTS5 table with content (and FTS5's own lengths) holding every sentence row of the
    /// index under the same rowid, each text read back from git.
    static func referenceTable(of temp: TemporaryArchive, index: DerivedIndex) throws -> Database {
        let path = temp.path + "/reference.sqlite"
        unlink(path)
        let reference = try Database(path: path)
        try reference.execute("CREATE VIRTUAL TABLE reference USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
        let rows = try index.read { (database: Database) throws(SQLiteError) -> [SentenceRow] in
            let statement = try database.prepare("""
                SELECT sentence.id, sentence.key, sentence.paragraph, version.commit_id FROM sentence
                JOIN version ON version.story = sentence.story AND version.number = sentence.first
                """)
            var rows: [SentenceRow] = []
            while try statement.step() {
                rows.append(SentenceRow(id: statement.int64(0), key: UInt64(bitPattern: statement.int64(1)),
                                        paragraph: statement.int(2), commit: statement.blob(3)))
            }
            return rows
        }
        let texts = try VersionSentences.texts(of: rows, reading: temp.archive)
        for (row, text) in zip(rows, texts) {
            try reference.prepare("INSERT INTO reference(rowid, text) VALUES(?, ?)").bind(.integer(row.id), .text(text)).run()
        }
        return reference
    }

    @Test func tiesGoByStoryNameWhetherLookedUpOrReadInNameOrder() throws {
        let temp = try Self.archive()
        let index = try temp.archive.derivedIndex()
        let query = SearchQuery("did not immediately respond to questions", limit: 3)
        let found = try temp.archive.matches(try query.expression(), query, in: index)
        #expect(found.ids.count == 5 && found.stories == 5)
        #expect(Set(found.ranks).count == 1, "the five sentences tie")
        for lookupLimit in [0, SearchRanking.lookupLimit] {
            let kept = try SearchRanking.best([found], limit: 3, in: [index], lookupLimit: lookupLimit)
            #expect(kept.map(\.story) == ["alpha", "bravo", "mike"], "lookup limit \(lookupLimit)")
        }
        let all = try SearchRanking.best([found], limit: 0, in: [index], lookupLimit: 0)
        #expect(all.map(\.story) == ["alpha", "bravo", "mike", "yankee", "zulu"])
        let result = try temp.archive.search(SearchQuery("did not immediately respond", limit: 2))
        #expect(result.total == 7 && result.stories == 6, "\(result.total) \(result.stories)")
        #expect(result.hits.count == 2)
    }

    /// The tables of an index of layout 6 (lengths in FTS5's `_docsize`, no `sentence_block`)
    /// and of layout 7 (the sentences' text in `sentence`, the external content of the
    /// full-text table; decision 0047), as they were written.
    static let earlierLayouts = [6: """
        CREATE TABLE story(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, tip TEXT NOT NULL,
            versions INTEGER NOT NULL, first_updated INTEGER NOT NULL, updated INTEGER NOT NULL,
            recorded INTEGER NOT NULL, headline TEXT NOT NULL);
        CREATE TABLE sentence(id INTEGER PRIMARY KEY, story INTEGER NOT NULL, key INTEGER NOT NULL,
            first INTEGER NOT NULL, last INTEGER, paragraph INTEGER NOT NULL, text TEXT NOT NULL);
        CREATE INDEX sentence_by_story ON sentence(story);
        CREATE VIRTUAL TABLE sentence_text USING fts5(
            text, content='sentence', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE setting(name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO setting VALUES('built', '6');
        PRAGMA user_version=6;
        """, 7: """
        CREATE TABLE story(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, tip TEXT NOT NULL,
            versions INTEGER NOT NULL, first_updated INTEGER NOT NULL, updated INTEGER NOT NULL,
            recorded INTEGER NOT NULL, headline TEXT NOT NULL);
        CREATE TABLE version(story INTEGER NOT NULL, number INTEGER NOT NULL, tag TEXT,
            updated INTEGER NOT NULL, recorded INTEGER NOT NULL, PRIMARY KEY(story, number)) WITHOUT ROWID;
        CREATE TABLE sentence(id INTEGER PRIMARY KEY, story INTEGER NOT NULL, key INTEGER NOT NULL,
            first INTEGER NOT NULL, last INTEGER, paragraph INTEGER NOT NULL, text TEXT NOT NULL);
        CREATE INDEX sentence_by_story ON sentence(story);
        CREATE VIRTUAL TABLE sentence_text USING fts5(
            text, content='sentence', content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE sentence_block(block INTEGER PRIMARY KEY, words BLOB NOT NULL, stories BLOB NOT NULL);
        CREATE TABLE setting(name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO setting VALUES('built', '7');
        PRAGMA user_version=7;
        """]

    /// An index of an earlier layout (6 or 7) is replaced by one of the current layout, built
    /// from the branches, and answers as before.
    @Test(arguments: [6, 7]) func anIndexOfAnEarlierLayoutIsRebuilt(layout: Int) throws {
        let temp = try Self.archive()
        let before = try temp.archive.search(SearchQuery("did not immediately respond", limit: 0))
        let path = IndexLocation.path(ofArchive: temp.path)
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        do {
            let old = try Database(path: path)
            try old.execute(try #require(Self.earlierLayouts[layout]))
        }
        let after = try temp.archive.search(SearchQuery("did not immediately respond", limit: 0))
        #expect(after.total == before.total && after.stories == before.stories)
        #expect(after.hits == before.hits)
        let database = try Database(path: path)
        let current = try database.prepare("PRAGMA user_version")
        #expect(try current.step() && current.int(0) == IndexSchema.version)
        let blocks = try database.prepare("SELECT count(*) FROM sentence_block")
        #expect(try blocks.step() && blocks.int(0) > 0)
        let columns = try database.prepare("SELECT count(*) FROM pragma_table_info('sentence') WHERE name = 'text'")
        #expect(try columns.step() && columns.int(0) == 0, "layout \(IndexSchema.version) keeps no sentence text")
    }
}
