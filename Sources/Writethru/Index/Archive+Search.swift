import Foundation
import SQLiteStore

extension Archive {
    /// Finds the sentences of every version that match `query`, from the derived index alone
    /// (SQLite FTS5: case, accents and punctuation do not matter), ranked by bm25.
    /// - Complexity: one full-text lookup (O(m log m) for m matching sentences), then one
    ///  snippet for each hit kept.
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
        var matches: [(archive: Int, match: SearchMatch)] = []
        var indexes: [DerivedIndex] = []
        for (number, archive) in archives.enumerated() {
            let index = try archive.derivedIndex()
            indexes.append(index)
            matches += try archive.matches(expression, query, in: index).map { (number, $0) }
        }
        // Ties in rank (the same sentence in several stories) go by archive, story id, first
        // version, paragraph: the story ids are compared once, as ordinals.
        let names = Set(matches.map(\.match.story)).sorted()
        let ordinal = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        var keyed = matches.map { entry in
            (key: SearchOrder(rank: entry.match.rank, archive: entry.archive, story: ordinal[entry.match.story] ?? 0,
                              first: entry.match.first, paragraph: entry.match.paragraph, id: entry.match.id),
             entry: entry)
        }
        keyed.sort { $0.key < $1.key }
        matches = keyed.map(\.entry)
        let stories = Set(keyed.map { $0.key.archive << 32 | $0.key.story }).count
        let kept = query.limit > 0 ? Array(matches.prefix(query.limit)) : matches
        var details: [[Int64: SearchDetail]] = []
        for (number, archive) in archives.enumerated() {
            let mine = kept.filter { $0.archive == number }.map(\.match)
            details.append(mine.isEmpty ? [:] : try archive.details(of: mine, in: indexes[number]))
        }
        let snippet = SearchSnippet(query: query.text)
        let several = archives.count > 1
        let hits = kept.compactMap { entry -> SearchHit? in
            guard let detail = details[entry.archive][entry.match.id],
                  let story = try? StoryID(validating: entry.match.story) else { return nil }
            return SearchHit(archive: several ? archives[entry.archive].path : nil, story: story, sentence: detail.text,
                             snippet: snippet.render(detail.text), rank: entry.match.rank, first: detail.first, last: detail.last,
                             paragraph: entry.match.paragraph, inLatest: entry.match.inLatest)
        }
        return SearchResult(query: query.text, scope: query.scope, total: matches.count, stories: stories, hits: hits)
    }

    /// Every sentence of the index that matches, with what ranking and filtering need.
    private func matches(_ expression: String, _ query: SearchQuery,
                         in index: DerivedIndex) throws(WritethruError) -> [SearchMatch] {
        var conditions = ["sentence_text MATCH ?"]
        var values: [SQLValue] = [.text(expression)]
        if let story = query.story {
            conditions.append("story.name = ?")
            values.append(.text(story.value))
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
                 AND version.number = coalesce(sentence.last, story.versions)) >= ?
                """)
            values.append(.integer(Int64(since.timeIntervalSince1970.rounded(.up))))
        }
        if let until = query.until {
            conditions.append("""
                (SELECT updated FROM version WHERE version.story = sentence.story
                 AND version.number = sentence.first) <= ?
                """)
            values.append(.integer(Int64(until.timeIntervalSince1970.rounded(.down))))
        }
        let sql = """
            SELECT sentence.id, story.name, sentence.first, sentence.paragraph, sentence.last IS NULL, sentence_text.rank
            FROM sentence_text JOIN sentence ON sentence.id = sentence_text.rowid JOIN story ON story.id = sentence.story
            WHERE \(conditions.joined(separator: " AND "))
            """
        return try index.search { (database: Database) throws(SQLiteError) -> [SearchMatch] in
            let statement = try database.prepare(sql).bind(values)
            var found: [SearchMatch] = []
            while try statement.step() {
                found.append(SearchMatch(id: statement.int64(0), story: statement.text(1), first: statement.int(2),
                                         paragraph: statement.int(3), inLatest: statement.int(4) != 0,
                                         rank: statement.double(5)))
            }
            return found
        }
    }

    /// The text and versions of the hits kept, by sentence id.
    private func details(of matches: [SearchMatch], in index: DerivedIndex) throws(WritethruError) -> [Int64: SearchDetail] {
        let ids = matches.map { String($0.id) }.joined(separator: ",")
        let sql = """
            SELECT sentence.id, sentence.text, f.number, f.tag, f.updated, l.number, l.tag, l.updated
            FROM sentence JOIN story ON story.id = sentence.story
            JOIN version f ON f.story = sentence.story AND f.number = sentence.first
            JOIN version l ON l.story = sentence.story AND l.number = coalesce(sentence.last, story.versions)
            WHERE sentence.id IN (\(ids))
            """
        return try index.search { (database: Database) throws(SQLiteError) -> [Int64: SearchDetail] in
            let statement = try database.prepare(sql)
            var found: [Int64: SearchDetail] = [:]
            while try statement.step() {
                func version(_ column: Int32) -> SearchVersion {
                    SearchVersion(number: statement.int(column), tag: statement.optionalText(column + 1),
                                  updated: Date(timeIntervalSince1970: TimeInterval(statement.int64(column + 2))))
                }
                found[statement.int64(0)] = SearchDetail(text: statement.text(1), first: version(2), last: version(5))
            }
            return found
        }
    }
}

/// The order of hits: rank, then archive, story (ordinal of its id), first version,
/// paragraph, row.
struct SearchOrder: Comparable {
    let rank: Double
    let archive: Int
    let story: Int
    let first: Int
    let paragraph: Int
    let id: Int64

    static func < (a: SearchOrder, b: SearchOrder) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.archive != b.archive { return a.archive < b.archive }
        if a.story != b.story { return a.story < b.story }
        if a.first != b.first { return a.first < b.first }
        if a.paragraph != b.paragraph { return a.paragraph < b.paragraph }
        return a.id < b.id
    }
}

/// One matching sentence as the ranking sees it.
struct SearchMatch {
    let id: Int64
    let story: String
    let first: Int
    let paragraph: Int
    let inLatest: Bool
    let rank: Double
}

/// What a kept hit shows.
struct SearchDetail {
    let text: String
    let first: SearchVersion
    let last: SearchVersion
}
