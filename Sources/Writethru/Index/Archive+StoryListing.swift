import Foundation
import SQLiteStore

extension Archive {
    /// Every story in the archive, by id.
    public func stories() throws(WritethruError) -> [StorySummary] {
        var summaries: [StorySummary] = []
        try forEachStory { summaries.append($0) }
        return summaries
    }

    /// Calls `body` with each story's summary, from the derived index, as the query orders and
    /// bounds them: a listing of a large archive starts at once and holds one story at a time.
    /// - Complexity: O(k) rows read for k listed (an index on each order); memory O(1).
    public func forEachStory(_ query: StoryListQuery = StoryListQuery(),
                             _ body: (StorySummary) -> Void) throws(WritethruError) {
        try Self.forEachStory(in: [self], query, body)
    }

    /// `forEachStory` across several archives, merged in the query's order (ties: the order the
    /// archives were given); each summary names its archive.
    /// - Complexity: O(k a) for k listed from a archives: a merge of one cursor per archive.
    public static func forEachStory(in archives: [Archive], _ query: StoryListQuery = StoryListQuery(),
                                    _ body: (StorySummary) -> Void) throws(WritethruError) {
        let several = archives.count > 1
        var cursors: [StoryCursor] = []
        for archive in archives {
            let index = try archive.derivedIndex()
            cursors.append(try index.sqlite("list the stories of") { () throws(SQLiteError) in
                try StoryCursor(index: index, query: query, archive: several ? archive.path : nil)
            })
        }
        var listed = 0
        while query.limit.map({ listed < $0 }) ?? true {
            var best: Int?
            for (number, cursor) in cursors.enumerated() {
                guard let row = cursor.current else { continue }
                if let chosen = best, let current = cursors[chosen].current,
                   !StoryCursor.before(row, current, sort: query.sort) { continue }
                best = number
            }
            guard let best, let row = cursors[best].current else { break }
            body(row)
            listed += 1
            try cursors[best].index.sqlite("list the stories of") { () throws(SQLiteError) in try cursors[best].advance() }
        }
    }
}

/// One archive's stories in listing order, a row at a time.
final class StoryCursor {
    let index: DerivedIndex
    private let statement: Statement
    private let archive: String?
    private(set) var current: StorySummary?

    init(index: DerivedIndex, query: StoryListQuery, archive: String?) throws(SQLiteError) {
        self.index = index
        self.archive = archive
        let filter = query.since == nil ? "" : " WHERE updated >= ?"
        let limit = query.limit.map { " LIMIT \($0)" } ?? ""
        statement = try index.database.prepare(
            "SELECT name, versions, first_updated, updated, headline FROM story\(filter) ORDER BY \(query.sort.orderBy)\(limit)")
        if let since = query.since { try statement.bind(.integer(Int64(since.timeIntervalSince1970.rounded(.up)))) }
        try advance()
    }

    func advance() throws(SQLiteError) {
        current = nil
        while try statement.step() {
            guard let story = try? StoryID(validating: statement.text(0)) else { continue }
            current = StorySummary(story: story, versions: statement.int(1),
                                   first: Date(timeIntervalSince1970: TimeInterval(statement.int64(2))),
                                   last: Date(timeIntervalSince1970: TimeInterval(statement.int64(3))),
                                   headline: statement.text(4), archive: archive)
            return
        }
    }

    /// Whether `a` is listed before `b` (same archive order breaks ties outside).
    static func before(_ a: StorySummary, _ b: StorySummary, sort: StorySort) -> Bool {
        switch sort {
        case .id: return a.story.value < b.story.value
        case .updated: return a.last != b.last ? a.last > b.last : a.story.value < b.story.value
        case .versions: return a.versions != b.versions ? a.versions > b.versions : a.story.value < b.story.value
        }
    }
}
