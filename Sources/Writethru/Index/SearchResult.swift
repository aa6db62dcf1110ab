/// What `search` found.
public struct SearchResult: Sendable {
    public let query: String
    public let scope: SearchScope
    /// Every hit the query has (`hits` holds at most the limit's worth, best first).
    public let total: Int
    /// Stories among all the hits.
    public let stories: Int
    public let hits: [SearchHit]
}
