import Foundation

/// One version as the timeline reads it: its paragraphs and its own time (for resolving
/// relative dates in claims).
public struct VersionText: Sendable, Equatable {
    public let paragraphs: [String]
    public let time: Date?
    /// The day its dateline gives, when the dateline is no longer among the paragraphs.
    public let date: StoryDate?

    public init(paragraphs: [String], time: Date? = nil, date: StoryDate? = nil) {
        self.paragraphs = paragraphs
        self.time = time
        self.date = date
    }
}
