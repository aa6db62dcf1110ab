/// What `search` looked through and found.
public struct SearchResult: Sendable {
    public let query: String
    public let scope: SearchScope
    /// Stories whose words include every word of the query (read in full to find the phrase).
    public let storiesRead: Int
    public let hits: [SearchHit]
}
