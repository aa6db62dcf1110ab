import Foundation

/// One sentence that holds the query, in one story.
public struct SearchHit: Sendable, Equatable {
    /// The archive it was found in, when a search read several (`nil` for one).
    public let archive: String?
    public let story: StoryID
    public let sentence: String
    /// The sentence, or its part around the matches when it is long, with each match between
    /// `SearchHit.markStart` and `SearchHit.markEnd`.
    public let snippet: String
    /// SQLite FTS5's bm25 score: lower is a better match.
    public let rank: Double
    /// The first and last versions that printed the sentence.
    public let first: SearchVersion
    public let last: SearchVersion
    /// The paragraph it stood in, in the first version that printed it.
    public let paragraph: Int
    public let inLatest: Bool

    /// The characters around each match in `snippet` (private-use code points, never in copy).
    public static let markStart: Character = "\u{E000}"
    public static let markEnd: Character = "\u{E001}"
}

/// A version as a search hit names it.
public struct SearchVersion: Sendable, Equatable {
    public let number: Int
    public let tag: String?
    public let updated: Date
}
