import Foundation
import Writethru

/// The newest entries of a feed, gathered story by story: at most `limit`, newest first, only
/// those with audit findings when `undeclaredOnly`.
public struct FeedCollector: Sendable {
    public let limit: Int
    public let undeclaredOnly: Bool
    /// Newest first (`AtomEntry.newestFirst`), at most `limit`.
    public private(set) var entries: [AtomEntry] = []
    /// The newest kept entry's time; with none kept, the newest version's seen (nil: none seen).
    public var updated: Date? { entries.first?.updated ?? newestSeen }
    private var newestSeen: Date?

    public init(limit: Int, undeclaredOnly: Bool) {
        self.limit = max(1, limit)
        self.undeclaredOnly = undeclaredOnly
    }

    /// Whether an entry older than `time` could still be kept: the feed is not full, or its
    /// oldest entry is not newer than `time`.
    public func canTake(before time: Date) -> Bool {
        guard entries.count == limit, let oldest = entries.last else { return true }
        return oldest.updated < time
    }

    /// Notes a version's time without reading its story (the newest seen is the feed's
    /// `updated` when it keeps no entry).
    public mutating func saw(_ time: Date) {
        if newestSeen.map({ time > $0 }) ?? true { newestSeen = time }
    }

    /// Adds a story's versions (an entry each, from its `UpdateDigest`) and keeps the newest.
    /// - Complexity: O(v + (e + v) log(e + v)) for v versions and e entries kept.
    public mutating func add(_ timeline: StoryTimeline, links: FeedLinks) {
        guard let first = timeline.versions.first?.entry else { return }
        var added: [AtomEntry] = []
        for digest in UpdateDigest.all(timeline) {
            let updated = digest.entry.updated
            if newestSeen.map({ updated > $0 }) ?? true { newestSeen = updated }
            guard !undeclaredOnly || digest.findings > 0 else { continue }
            // Only an entry that can still be among the newest `limit` is rendered.
            if entries.count == limit, let oldest = entries.last, updated < oldest.updated { continue }
            added.append(AtomEntry(digest, first: first, links: links))
        }
        guard !added.isEmpty else { return }
        entries = Array((entries + added).sorted(by: AtomEntry.newestFirst).prefix(limit))
    }
}
