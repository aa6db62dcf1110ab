import Foundation
import StoryText

/// What `search` looks for (docs/search.md): the query, in SQLite FTS5's syntax when it uses
/// any of it (phrases in double quotes, `migra*` prefixes, `AND`, `OR`, `NOT`, `NEAR(...)`,
/// parentheses), else its words as one phrase (other punctuation, such as the colon of
/// "10:02" or the dots of "U.S.", only separates words); and which hits to keep.
public struct SearchQuery: Sendable {
    public var text: String
    public var scope: SearchScope = .all
    public var story: StoryID?
    /// Only sentences printed by a version dated at or after `since`, at or before `until`.
    public var since: Date?
    public var until: Date?
    /// At most this many hits, best first (0: all).
    public var limit: Int = 100

    public init(_ text: String, scope: SearchScope = .all, story: StoryID? = nil, since: Date? = nil,
                until: Date? = nil, limit: Int = 100) {
        self.text = text
        self.scope = scope
        self.story = story
        self.since = since
        self.until = until
        self.limit = limit
    }

    /// The query as FTS5 reads it: as typed when it uses the syntax, else one quoted phrase
    /// (so "U.S. officials" or "Zhao Lijian's" need no quoting).
    /// - Throws: `usage` when the query has no word to look for.
    func expression() throws(WritethruError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.unicodeScalars.contains(where: SearchSnippet.isWordScalar) else {
            throw .usage("give a word or phrase to search for (letters or digits)")
        }
        if Self.usesSyntax(trimmed) { return trimmed }
        return "\"" + trimmed.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// True when the query holds FTS5 syntax: a double quote, `*`, parentheses, or one of the
    /// upper-case operators as a word of its own.
    static func usesSyntax(_ query: String) -> Bool {
        if query.contains(where: { "\"*()".contains($0) }) { return true }
        return query.split(whereSeparator: { $0.isWhitespace }).contains { ["AND", "OR", "NOT", "NEAR"].contains($0) }
    }
}
