import Foundation

/// Which stories `stories` lists, in which order, and how many.
public struct StoryListQuery: Sendable {
    /// Only stories whose latest version is dated at or after this.
    public var since: Date?
    public var sort: StorySort
    /// At most this many (nil: all).
    public var limit: Int?

    public init(since: Date? = nil, sort: StorySort = .id, limit: Int? = nil) {
        self.since = since
        self.sort = sort
        self.limit = limit
    }
}

/// The order of a story listing.
public enum StorySort: String, Sendable, CaseIterable {
    /// By id (the branch name), A to Z.
    case id
    /// Most recently updated first (ties by id).
    case updated
    /// Most versions first (ties by id).
    case versions

    var orderBy: String {
        switch self {
        case .id: "name"
        case .updated: "updated DESC, name"
        case .versions: "versions DESC, name"
        }
    }
}
