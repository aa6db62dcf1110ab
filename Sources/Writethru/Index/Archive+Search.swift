import Foundation
import SQLiteStore

extension Archive {
    /// Finds the sentences of every version that match `query`, from the derived index alone
    /// (SQLite FTS5: case, accents and punctuation do not matter), ranked by bm25.
    /// - Complexity: one full-text lookup and one pass over its m matching rowids and their
    ///  ranks (no row of `sentence` read unless a filter needs it), O(m log k) to find the k
    ///  best, a story name for each kept or tied hit, then one snippet for each hit kept.
    public func search(_ query: SearchQuery) throws(WritethruError) -> SearchResult {
        try Self.search(query, in: [self])
    }

    /// `search` across several archives: hits are ranked together (each archive's bm25 is
    /// computed over its own index) and name their archive.
    public static func search(_ query: SearchQuery, in archives: [Archive]) throws(WritethruError) -> SearchResult {
        let expression = try query.expression()
        if let story = query.story {
            var held = false
            for archive in archives where try archive.tip(of: story) != nil { held = true }
            if !held { throw .notFound("no story '\(story)' in the archive") }
        }
        var found: [SearchMatches] = []
        var indexes: [DerivedIndex] = []
        for archive in archives {
            let index = try archive.derivedIndex()
            indexes.append(index)
            found.append(try archive.matches(expression, query, in: index))
        }
        let kept = try SearchRanking.best(found, limit: query.limit, in: indexes)
        var details: [[Int64: SearchDetail]] = []
        for (number, archive) in archives.enumerated() {
            let mine = kept.filter { $0.archive == number }.map(\.id)
            details.append(mine.isEmpty ? [:] : try archive.details(of: mine, in: indexes[number]))
        }
        let snippet = SearchSnippet(query: query.text)
        let several = archives.count > 1
        let hits = kept.compactMap { entry -> SearchHit? in
            guard let detail = details[entry.archive][entry.id],
                  let story = try? StoryID(validating: entry.story) else { return nil }
            return SearchHit(archive: several ? archives[entry.archive].path : nil, story: story, sentence: detail.text,
                             snippet: snippet.render(detail.text), rank: entry.rank, first: detail.first, last: detail.last,
                             paragraph: detail.paragraph, inLatest: detail.inLatest)
        }
        return SearchResult(query: query.text, scope: query.scope, total: found.reduce(0) { $0 + $1.ids.count },
                            stories: found.reduce(0) { $0 + $1.stories }, hits: hits)
    }

    /// Every sentence of the index that matches: its rowid, rank and story. The full-text
    /// table and `sentence_block` answer a query without filters (`writethru_bm25`,
    /// `writethru_story`); `--in`, `--since` and `--until` read each match's row of `sentence`.
    func matches(_ expression: String, _ query: SearchQuery,
                         in index: DerivedIndex) throws(WritethruError) -> SearchMatches {
        var conditions = ["sentence_text MATCH ?"]
        var values: [SQLValue] = [.text(expression)]
        if let story = query.story {
            guard let id = try index.read({ (database: Database) throws(SQLiteError) -> Int64? in
                let statement = try database.statement("SELECT id FROM story WHERE name = ?").bind(.text(story.value))
                return try statement.step() ? statement.int64(0) : nil
            }) else { return SearchMatches() }
            conditions.append("writethru_story(sentence_text) = ?")
            values.append(.integer(id))
        }
        switch query.scope {
        case .all: break
        case .current: conditions.append("sentence.last IS NULL")
        case .removed: conditions.append("sentence.last IS NOT NULL")
        case .added: conditions.append("sentence.first > 1")
        }
        // A sentence printed from version `first` to `last`: some version printing it is dated
        // at or after `since` exactly when its last one is (versions are in time order).
        if let since = query.since {
            conditions.append("""
                (SELECT updated FROM version WHERE version.story = sentence.story
                 AND version.number = coalesce(sentence.last, (SELECT versions FROM story WHERE story.id = sentence.story))) >= ?
                """)
            values.append(.integer(Int64(since.timeIntervalSince1970.rounded(.up))))
        }
        if let until = query.until {
            conditions.append("""
                (SELECT updated FROM version WHERE version.story = sentence.story AND version.number = sentence.first) <= ?
                """)
            values.append(.integer(Int64(until.timeIntervalSince1970.rounded(.down))))
        }
        let filtered = query.scope != .all || query.since != nil || query.until != nil
        // Every match of the full-text query is read: a one-phrase query's IDF is that of the
        // rows read, multiplied in below (CSQLite/search.h, "defer").
        let deferIDF = !filtered && query.story == nil
        let sql = """
            SELECT sentence_text.rowid, writethru_bm25(sentence_text, \(deferIDF ? 1 : 0)), writethru_story(sentence_text)
            FROM sentence_text
            \(filtered ? "JOIN sentence ON sentence.id = sentence_text.rowid" : "")
            WHERE \(conditions.joined(separator: " AND "))
            """
        return try index.search { (database: Database) throws(SQLiteError) -> SearchMatches in
            let statement = try database.prepare(sql).bind(values)
            var found = SearchMatches()
            var unknown: [Int] = []
            while try statement.step() {
                if statement.isNull(2) { unknown.append(found.ids.count) }
                found.append(statement.int64(0), rank: statement.double(1), story: statement.int64(2))
            }
            // A row no block describes (not written by this layout's writers): its row says.
            for offset in unknown {
                let row = try database.statement("SELECT story FROM sentence WHERE id = ?").bind(.integer(found.ids[offset]))
                found.setStory(try row.step() ? row.int64(0) : -1, at: offset)
            }
            found.countStories()
            if deferIDF, let last = database.lastSearch, last.phrases == 1, !found.ids.isEmpty {
                found.scale(by: Database.idf(rows: last.rows, hits: Int64(found.ids.count)))
            }
            return found
        }
    }

    /// The text, place and versions of the hits kept, by sentence id. The text is read back
    /// from git (decision 0050): each version that first printed a kept sentence is read once,
    /// and the sentence whose key is the row's is taken (`VersionSentences`). A row whose text is
    /// not there (objects lost, or sentences split otherwise than when the index was written)
    /// is one error that says to run `writethru reindex`: no other text is shown for it.
    /// - Complexity: one indexed read per hit, one article read per distinct version among
    ///  them, and the split of each hit's paragraph.
    private func details(of ids: [Int64], in index: DerivedIndex) throws(WritethruError) -> [Int64: SearchDetail] {
        let list = ids.map { String($0) }.joined(separator: ",")
        let sql = """
            SELECT sentence.id, sentence.key, sentence.paragraph, sentence.last IS NULL,
                   f.number, f.tag, f.updated, l.number, l.tag, l.updated, f.commit_id
            FROM sentence JOIN story ON story.id = sentence.story
            JOIN version f ON f.story = sentence.story AND f.number = sentence.first
            JOIN version l ON l.story = sentence.story AND l.number = coalesce(sentence.last, story.versions)
            WHERE sentence.id IN (\(list))
            """
        let rows = try index.search { (database: Database) throws(SQLiteError) -> [KeptRow] in
            let statement = try database.prepare(sql)
            var rows: [KeptRow] = []
            while try statement.step() {
                func version(_ column: Int32) -> SearchVersion {
                    SearchVersion(number: statement.int(column), tag: statement.optionalText(column + 1),
                                  updated: Date(timeIntervalSince1970: TimeInterval(statement.int64(column + 2))))
                }
                let row = SentenceRow(id: statement.int64(0), key: UInt64(bitPattern: statement.int64(1)),
                                      paragraph: statement.int(2), commit: statement.blob(10))
                rows.append(KeptRow(row: row, inLatest: statement.int(3) != 0, first: version(4), last: version(7)))
            }
            return rows
        }
        let texts: [String]
        do {
            texts = try VersionSentences.texts(of: rows.map(\.row), reading: self)
        } catch {
            throw .storage("cannot show a hit's sentence: \(error.reason); the derived index \(index.path) no longer "
                + "matches the archive: run `writethru reindex` (and `writethru verify` if the archive lost objects)")
        }
        var found: [Int64: SearchDetail] = [:]
        for (kept, text) in zip(rows, texts) {
            found[kept.row.id] = SearchDetail(text: text, paragraph: kept.row.paragraph, inLatest: kept.inLatest,
                                              first: kept.first, last: kept.last)
        }
        return found
    }
}

/// A kept hit's row, before its text is read from git.
private struct KeptRow {
    let row: SentenceRow
    let inLatest: Bool
    let first: SearchVersion
    let last: SearchVersion
}

/// The sentences of one archive that match a query, in the order FTS5 gives them, and how
/// many stories they are in.
struct SearchMatches {
    private(set) var ids: [Int64] = []
    private(set) var ranks: [Double] = []
    private(set) var storyIDs: [Int64] = []
    private(set) var stories = 0

    mutating func append(_ id: Int64, rank: Double, story: Int64) {
        ids.append(id)
        ranks.append(rank)
        storyIDs.append(story)
    }

    mutating func setStory(_ story: Int64, at offset: Int) { storyIDs[offset] = story }

    /// Multiplies in a deferred IDF: each rank was -term, and is -(idf * term), as bm25's.
    mutating func scale(by idf: Double) {
        for offset in ranks.indices { ranks[offset] = -1.0 * (idf * -ranks[offset]) }
    }

    /// Counts the distinct stories, with one bit per story id (ids are small and dense).
    /// - Complexity: O(m + s) for m matches and the largest story id s.
    mutating func countStories() {
        guard let largest = storyIDs.max(), largest >= 0 else { return stories = 0 }
        var seen = [UInt64](repeating: 0, count: Int(largest / 64) + 1)
        var count = 0
        for story in storyIDs where story >= 0 {
            let word = Int(story / 64)
            let bit = UInt64(1) << UInt64(story % 64)
            if seen[word] & bit == 0 {
                seen[word] |= bit
                count += 1
            }
        }
        stories = count
    }
}

/// What a kept hit shows.
struct SearchDetail {
    let text: String
    let paragraph: Int
    let inLatest: Bool
    let first: SearchVersion
    let last: SearchVersion
}
