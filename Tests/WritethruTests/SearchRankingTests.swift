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

    @Test func theRankIsFTS5sBm25BitForBitAndTheStoryIsTheRowsOwn() throws {
        let temp = try Self.archive()
        let index = try temp.archive.derivedIndex()
        for query in ["\"did not immediately respond\"", "minister", "Blinken OR Yang", "NEAR(minister respond, 5)", "respon*",
                      "word3 AND officials", "\"Zhao Lijian\" talks"] {
            let rows = try index.read { (database: Database) throws(SQLiteError) -> [(Double, Double, Int64, Int64)] in
                let statement = try database.prepare("""
                    SELECT writethru_bm25(sentence_text), bm25(sentence_text), writethru_story(sentence_text),
                           (SELECT story FROM sentence WHERE sentence.id = sentence_text.rowid)
                    FROM sentence_text WHERE sentence_text MATCH ?
                    """).bind(.text(query))
                var rows: [(Double, Double, Int64, Int64)] = []
                while try statement.step() {
                    rows.append((statement.double(0), statement.double(1), statement.int64(2), statement.int64(3)))
                }
                return rows
            }
            #expect(!rows.isEmpty, "\(query)")
            for row in rows {
                #expect(row.0.bitPattern == row.1.bitPattern, "\(query): \(row.0) against bm25 \(row.1)")
                #expect(row.2 == row.3, "\(query)")
            }
        }
        // The sentence of 300 words and more is ranked by the length FTS5 counts (its block says 255).
        let long = try index.read { (database: Database) throws(SQLiteError) -> Int in
            let statement = try database.prepare("SELECT count(*) FROM sentence_text WHERE sentence_text MATCH 'word3 AND officials'")
            return try statement.step() ? statement.int(0) : 0
        }
        #expect(long == 1)
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

    /// An index of layout 6 (lengths in FTS5's `_docsize`, no `sentence_block`) is replaced by
    /// one of the current layout, built from the branches, and answers as before.
    @Test func anIndexOfTheLayoutBeforeIsRebuilt() throws {
        let temp = try Self.archive()
        let before = try temp.archive.search(SearchQuery("did not immediately respond", limit: 0))
        let path = IndexLocation.path(ofArchive: temp.path)
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        do {
            let old = try Database(path: path)
            try old.execute("""
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
                """)
        }
        let after = try temp.archive.search(SearchQuery("did not immediately respond", limit: 0))
        #expect(after.total == before.total && after.stories == before.stories)
        #expect(after.hits == before.hits)
        let layout = try Database(path: path).prepare("PRAGMA user_version")
        #expect(try layout.step() && layout.int(0) == IndexSchema.version)
        let blocks = try Database(path: path).prepare("SELECT count(*) FROM sentence_block")
        #expect(try blocks.step() && blocks.int(0) > 0)
    }
}
