import Foundation
import StoryDiff
import Writethru

/// One story's updates in `writethru changes`: the versions recorded since the time asked for,
/// oldest first, each as its `UpdateDigest`.
public struct ChangedStory: Sendable {
    /// The archive's path when `changes` reads several, else nil.
    public let archive: String?
    public let story: StoryID
    /// The latest version's headline.
    public let headline: String
    public let updates: [UpdateDigest]

    /// The versions of `timeline` recorded at or after `since`; with `undeclaredOnly`, only
    /// those whose audit found something (`UpdateDigest.findings`: an undeclared change, an
    /// advisory item not found, a flag), as `feed --undeclared-only` keeps them. Nil when none
    /// is left.
    /// - Complexity: O(v) digests made, one per version recorded since `since`.
    public init?(timeline: StoryTimeline, archive: String?, since: Date, undeclaredOnly: Bool) {
        let updates = timeline.versions.filter { $0.entry.recorded >= since }
            .map { UpdateDigest(story: timeline.story, version: $0) }
            .filter { !undeclaredOnly || $0.findings > 0 }
        guard !updates.isEmpty, let latest = timeline.versions.last else { return nil }
        self.archive = archive
        story = timeline.story
        headline = latest.entry.headline
        self.updates = updates
    }
}
