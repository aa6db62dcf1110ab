import Foundation

/// Which versions an export keeps in range (`in_range` 1): those updated at or after `since`
/// (the revision's own time, as `search --since` reads it) and recorded at or after
/// `recordedSince` (when it entered the archive: an export of what is new since the last one).
/// Either bound may be absent; with neither, every version is in range.
public struct VersionRange: Sendable, Equatable {
    public var since: Date?
    public var recordedSince: Date?

    public init(since: Date? = nil, recordedSince: Date? = nil) {
        self.since = since
        self.recordedSince = recordedSince
    }

    public var isEverything: Bool { since == nil && recordedSince == nil }

    /// - Complexity: O(1).
    public func contains(_ entry: VersionEntry) -> Bool {
        (since.map { entry.updated >= $0 } ?? true) && (recordedSince.map { entry.recorded >= $0 } ?? true)
    }
}
