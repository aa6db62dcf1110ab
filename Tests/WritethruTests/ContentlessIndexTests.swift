import Foundation
import SQLiteStore
import TestSupport
import Testing
@testable import Writethru

/// The index keeps no sentence text (decision 0050): hits read theirs back from git, a story
/// is taken out of the contentless full-text table with the exact texts it was indexed with,
/// and when those cannot be read back the table is rebuilt rather than given a guess.
@Suite struct ContentlessIndexTests {
    /// FTS5's vocabulary of a full-text table: each term, the rows it is in and its instances.
    /// A row deleted with a text other than the one indexed leaves terms behind (or counts
    /// below zero), so two tables with the same rows have the same vocabulary exactly when
    /// neither was corrupted.
    static func vocabulary(_ database: Database, of table: String) throws -> [String] {
        try database.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(table)_vocabulary USING fts5vocab(main, \(table), 'row')")
        let statement = try database.prepare("SELECT term, doc, cnt FROM temp.\(table)_vocabulary ORDER BY term")
        var terms: [String] = []
        while try statement.step() { terms.append("\(statement.text(0)) \(statement.int64(1)) \(statement.int64(2))") }
        return terms
    }

    /// The index's full-text vocabulary beside that of a table with content built from the
    /// texts of its sentence rows, read back from git.
    static func vocabularies(_ temp: TemporaryArchive) throws -> (index: [String], rows: [String]) {
        let index = try temp.archive.derivedIndex()
        let reference = try SearchRankingTests.referenceTable(of: temp, index: index)
        let indexed = try Self.vocabulary(try Database(path: index.path), of: "sentence_text")
        return (indexed, try Self.vocabulary(reference, of: "reference"))
    }

    /// The terms whose counts differ between the two vocabularies (empty when they agree).
    static func mismatch(_ vocabularies: (index: [String], rows: [String])) -> [String] {
        let index = Set(vocabularies.index), rows = Set(vocabularies.rows)
        return index.subtracting(rows).map { "index: \($0)" }.sorted()
            + rows.subtracting(index).map { "rows: \($0)" }.sorted()
    }

    static func git(_ temp: TemporaryArchive, _ arguments: [String]) throws -> String {
        try ExportFailureTests.git(["--git-dir", temp.path] + arguments)
    }

    /// Removes the loose `article.md` of every version of a story from the object store.
    static func loseArticles(of story: String, in temp: TemporaryArchive) throws {
        for commit in try git(temp, ["rev-list", "stories/\(story)"]).split(separator: "\n") {
            let blob = try git(temp, ["rev-parse", "\(commit):article.md"])
            let file = temp.path + "/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
            try #require(FileManager.default.fileExists(atPath: file), "the article of \(story) is a loose object")
            try FileManager.default.removeItem(atPath: file)
        }
    }

    static func total(_ temp: TemporaryArchive, _ query: String) throws -> Int {
        try temp.archive.search(SearchQuery(query, limit: 0)).total
    }

    @Test func aHitsSentenceIsTheTextItsVersionPrinted() throws {
        let temp = try SearchRankingTests.archive()
        let result = try temp.archive.search(SearchQuery("minister", limit: 0))
        #expect(result.hits.count >= 6)
        for hit in result.hits {
            let commits = try Self.git(temp, ["rev-list", "--reverse", "stories/\(hit.story.value)"])
                .split(separator: "\n")
            let markdown = try Self.git(temp, ["show", "\(commits[hit.first.number - 1]):article.md"])
            #expect(markdown.contains(hit.sentence), "\(hit.story): \(hit.sentence)")
            #expect(hit.sentence.lowercased().contains("minister"))
        }
    }

    /// A deleted branch's story is taken out with the texts read back from its commits, which
    /// are still in the object store: the full-text table then holds exactly the other rows.
    @Test func aDeletedStoryIsTakenOutOfTheFullTextTableWithItsOwnTexts() throws {
        let temp = try SearchRankingTests.archive()
        #expect(try Self.total(temp, "\"Paragraph of mike\"") == 1)
        let before = try Self.vocabularies(temp)
        #expect(Self.mismatch(before) == [] && !before.index.isEmpty)
        _ = try Self.git(temp, ["update-ref", "-d", "refs/heads/stories/mike"])
        #expect(try Self.total(temp, "\"Paragraph of mike\"") == 0)
        #expect(try Self.total(temp, "\"Paragraph of bravo\"") == 1)
        let after = try Self.vocabularies(temp)
        #expect(Self.mismatch(after) == [])
        #expect(after.index != before.index)
        #expect(!after.index.contains { $0.hasPrefix("mike ") })
    }

    /// A story whose branch is deleted and whose objects are gone (pruned) cannot give FTS5
    /// the texts to take out: the full-text table is rebuilt from the other stories instead.
    @Test func aStoryWhoseObjectsAreGoneIsTakenOutByRebuildingTheFullTextTable() throws {
        let temp = try SearchRankingTests.archive()
        _ = try temp.archive.derivedIndex()
        try Self.loseArticles(of: "mike", in: temp)
        _ = try Self.git(temp, ["update-ref", "-d", "refs/heads/stories/mike"])
        #expect(try Self.total(temp, "\"Paragraph of mike\"") == 0)
        #expect(try Self.total(temp, "\"Paragraph of bravo\"") == 1)
        #expect(try Self.total(temp, "\"did not immediately respond\"") == 6)
        let after = try Self.vocabularies(temp)
        #expect(Self.mismatch(after) == [] && !after.index.isEmpty)
        #expect(!after.index.contains { $0.hasPrefix("mike ") })
    }

    /// When the rebuild meets another story whose text is gone too (a damaged archive), that
    /// story is taken out of the index as well: no row is left that no search could find or
    /// show, and the rest is searchable.
    @Test func aRebuildLeavesOutAStoryThatCannotBeReadBackEither() throws {
        let temp = try SearchRankingTests.archive()
        _ = try temp.archive.derivedIndex()
        try Self.loseArticles(of: "mike", in: temp)
        try Self.loseArticles(of: "bravo", in: temp)
        _ = try Self.git(temp, ["update-ref", "-d", "refs/heads/stories/mike"])
        #expect(try Self.total(temp, "\"Paragraph of yankee\"") == 1)
        #expect(try Self.total(temp, "\"Paragraph of bravo\"") == 0)
        let listed = try temp.archive.derivedIndex().read { (database: Database) throws(SQLiteError) -> [String] in
            let statement = try database.prepare("SELECT name FROM story ORDER BY name")
            var names: [String] = []
            while try statement.step() { names.append(statement.text(0)) }
            return names
        }
        #expect(listed == ["alpha", "us-china-alaska-talks", "yankee", "zulu"])
        let after = try Self.vocabularies(temp)
        #expect(Self.mismatch(after) == [] && !after.index.isEmpty)
    }

    /// A row whose sentence is not in its version any more (here: a key no sentence has, as
    /// when a later Writethru splits sentences otherwise) is one error naming `reindex`, never
    /// another text; `reindex` mends it.
    @Test func aHitWhoseTextCannotBeFoundAgainIsAnErrorThatSaysReindex() throws {
        let temp = try SearchRankingTests.archive()
        let index = try temp.archive.derivedIndex()
        try Database(path: index.path).execute("""
            UPDATE sentence SET key = key + 1 WHERE id IN
                (SELECT rowid FROM sentence_text WHERE sentence_text MATCH '"Paragraph of bravo"')
            """)
        do {
            _ = try temp.archive.search(SearchQuery("\"Paragraph of bravo\""))
            Issue.record("a hit whose text is not in git was shown")
        } catch {
            #expect(error.exitCode == 74)
            #expect("\(error)".contains("writethru reindex"), "\(error)")
        }
        _ = try temp.archive.reindex()
        let mended = try temp.archive.search(SearchQuery("\"Paragraph of bravo\""))
        #expect(mended.hits.map(\.sentence) == ["Paragraph of bravo."])
    }

    /// A live story whose objects are gone: its hits are the same one error.
    @Test func aHitOfAStoryWhoseObjectsAreGoneIsAnError() throws {
        let temp = try SearchRankingTests.archive()
        _ = try temp.archive.derivedIndex()
        try Self.loseArticles(of: "bravo", in: temp)
        #expect(throws: WritethruError.self) { try temp.archive.search(SearchQuery("\"Paragraph of bravo\"")) }
        #expect(try temp.archive.search(SearchQuery("\"Paragraph of yankee\"")).hits.count == 1)
    }
}
