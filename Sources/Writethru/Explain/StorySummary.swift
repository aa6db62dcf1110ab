import Foundation

/// One story of the archive, as `stories` lists it.
public struct StorySummary: Sendable, Equatable {
    public let story: StoryID
    public let versions: Int
    public let first: Date
    public let last: Date
    public let headline: String
    /// The archive it is in, when a listing reads several (nil for one).
    public var archive: String?
}
