import Foundation

/// One version as the timeline reads it: its paragraphs and its own time (for resolving
/// relative dates in claims).
public struct VersionText: Sendable, Equatable {
    public let paragraphs: [String]
    public let time: Date?

    public init(paragraphs: [String], time: Date? = nil) {
        self.paragraphs = paragraphs
        self.time = time
    }
}
