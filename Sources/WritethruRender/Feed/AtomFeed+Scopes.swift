import Foundation
import Writethru

/// The feeds Writethru writes: one story's, and the whole archive's (every update, or those
/// with audit findings only), with their ids, titles and the time they were last updated.
extension AtomFeed {
    /// The feed of one story: its versions newest first, at most `limit`, only those with
    /// audit findings when `undeclaredOnly`.
    /// - Complexity: O(v) digests for v versions.
    public static func story(_ timeline: StoryTimeline, undeclaredOnly: Bool, limit: Int = defaultLimit,
                             links: FeedLinks, author: String) -> AtomFeed {
        let story = timeline.story
        guard let first = timeline.versions.first?.entry, let last = timeline.versions.last?.entry else {
            // A timeline always has a version (a story with none is not in the archive).
            return AtomFeed(id: "tag:\(FeedIDs.authority),1970-01-01:\(story.value)", title: story.value,
                            subtitle: "", updated: Date(timeIntervalSince1970: 0), author: author, selfLink: nil,
                            alternateLink: nil, entries: [])
        }
        var collector = FeedCollector(limit: limit, undeclaredOnly: undeclaredOnly)
        collector.add(timeline, links: links)
        let id = FeedIDs.story(first)
        let subtitle = undeclaredOnly
            ? "Updates of \(story.value) that changed more than their advisory line says, explained by Writethru"
            : "Every update of \(story.value): what it changed and what its advisory line left out, explained by Writethru"
        return AtomFeed(id: undeclaredOnly ? FeedIDs.undeclared(id) : id, title: last.headline, subtitle: subtitle,
                        updated: collector.updated ?? last.updated, author: author, selfLink: links.selfHref,
                        alternateLink: links.href(StoryPage.sitePath(of: story)), entries: collector.entries)
    }

    /// The feed of a whole archive from what `collector` gathered from every story.
    public static func archive(_ collector: FeedCollector, origin: (commit: CommitID, time: Date),
                               links: FeedLinks, author: String) -> AtomFeed {
        let id = FeedIDs.archive(origin: origin)
        let undeclared = collector.undeclaredOnly
        return AtomFeed(id: undeclared ? FeedIDs.undeclared(id) : id,
                        title: undeclared ? "Story archive: undeclared changes" : "Story archive: latest updates",
                        subtitle: undeclared
                            ? "Updates of every story that changed more than their advisory line says, explained by Writethru"
                            : "The latest updates of every story, explained by Writethru",
                        updated: collector.updated ?? origin.time, author: author, selfLink: links.selfHref,
                        alternateLink: links.href("index.html"), entries: collector.entries)
    }

    /// The feed of a whole archive: its latest `limit` updates across stories (those with
    /// findings, when `undeclaredOnly`), newest first. Stories are read newest first by the
    /// derived index's version times, and reading stops once the feed is full and no story
    /// left has a version as new as the oldest entry kept.
    /// - Complexity: one index query, then one timeline per story read, built one story at a
    ///   time (memory: one story's timeline and `limit` entries); for the latest updates that is
    ///   about `limit` stories however large the archive, for undeclared ones as many stories of
    ///   two versions or more as it takes to find `limit` with findings.
    public static func archive(_ archive: Archive, undeclaredOnly: Bool, limit: Int = defaultLimit,
                               links: FeedLinks) throws(WritethruError) -> AtomFeed {
        var collector = FeedCollector(limit: limit, undeclaredOnly: undeclaredOnly)
        for story in try archive.storiesByNewestVersion() {
            // The index keeps whole seconds (rounded down): every version of this story is
            // older than `newest` + 1 s.
            guard collector.canTake(before: story.newest.addingTimeInterval(1)) else { break }
            // A story of one version has no audit, so nothing for the undeclared feed: it is
            // not read (only its time counts, for an empty feed's `updated`).
            if undeclaredOnly, story.versions < 2 {
                collector.saw(story.newest)
                continue
            }
            collector.add(try archive.timeline(story: story.story), links: links)
        }
        return Self.archive(collector, origin: try archive.origin(), links: links, author: archive.config.recorderName)
    }

    /// "wrote DIR/feed.xml, DIR/undeclared.xml and 2 story feeds, 40211 bytes"
    public static func siteFeedsWritten(directory: String, stories: Int, bytes: Int) -> String {
        "wrote \(directory)/\(FeedLinks.archiveFeed), \(directory)/\(FeedLinks.undeclaredFeed) and "
            + (stories == 1 ? "1 story feed" : "\(stories) story feeds") + ", \(bytes) bytes\n"
    }
}
