/// The thresholds and limits of the diff engine, in one value (docs/diff/paragraphs.md).
public struct DiffSettings: Sendable, Equatable, Codable {
    /// Above this similarity, an old and a new paragraph are the same paragraph, changed.
    public var changeThreshold: Double = 0.2
    /// Above this similarity, a paragraph found out of order counts as moved; below it, as
    /// removed in one place and added in another.
    public var moveThreshold: Double = 0.4
    /// At or above this similarity, a paragraph and two to four neighbours on the other side
    /// are a split (1 -> n) or a merge (n -> 1).
    public var splitThreshold: Double = 0.6
    /// The most paragraphs a split or merge joins.
    public var maximumSplit: Int = 4
    /// Word diffs of more than this many token pairs (n x m) give up and report a replacement.
    public var wordDiffLimit: Int = 4_000_000
    /// More unmatched paragraphs than this on one side, and pairing uses a greedy global
    /// assignment instead of the optimal one (O(n^3)); the result says so.
    public var assignmentLimit: Int = 400

    public init() {}
}
