import Foundation
import SQLiteStore

/// A story with versions recorded since some time, and when its latest version was recorded.
public struct RecentlyRecorded: Sendable, Equatable {
    public let story: StoryID
    /// The recording time of its latest version.
    public let recorded: Date
}

extension Archive {
    /// The stories with a version recorded at or after `since` (`changes`: what is new since I
    /// last looked), the most recently recorded first (ties by id), from the derived index's
    /// story rows: each holds its tip's recording time, and recording times along a story never
    /// go back (`ParentTimes`: a version is never recorded before the one under it), so a story
    /// whose tip was recorded before `since` has no such version.
    ///
    /// - Complexity: O(k log n) for k stories found among n (`story_by_recorded`); no commit,
    ///   version list, article or meta.json is read.
    public func storiesRecorded(since: Date) throws(WritethruError) -> [RecentlyRecorded] {
        let bound = Int64(since.timeIntervalSince1970.rounded(.up))
        let index = try derivedIndex()
        return try index.read { database throws(SQLiteError) -> [RecentlyRecorded] in
            let statement = try database.statement(
                "SELECT name, recorded FROM story WHERE recorded >= ? ORDER BY recorded DESC, name").bind(.integer(bound))
            var found: [RecentlyRecorded] = []
            while try statement.step() {
                guard let story = try? StoryID(validating: statement.text(0)) else { continue }
                found.append(RecentlyRecorded(story: story,
                                              recorded: Date(timeIntervalSince1970: TimeInterval(statement.int64(1)))))
            }
            return found
        }
    }

    /// Every story with the time of its newest version (the latest `updated` of any of its
    /// versions: a version may be filed with an earlier time than the one before it), newest
    /// first, ties by id: the order in which an archive-wide feed meets its entries, so it can
    /// stop once no story left can hold an entry newer than those it keeps.
    ///
    /// - Complexity: one pass over the index's version rows, grouped by story, and a sort of
    ///   the n stories: O(v + n log n); no git object is read.
    public func storiesByNewestVersion() throws(WritethruError) -> [RecentlyUpdated] {
        let index = try derivedIndex()
        return try index.read { database throws(SQLiteError) -> [RecentlyUpdated] in
            let statement = try database.statement("""
                SELECT story.name, max(version.updated) AS newest, story.versions FROM version
                JOIN story ON story.id = version.story GROUP BY version.story ORDER BY newest DESC, story.name
                """)
            var found: [RecentlyUpdated] = []
            while try statement.step() {
                guard let story = try? StoryID(validating: statement.text(0)) else { continue }
                found.append(RecentlyUpdated(story: story,
                                             newest: Date(timeIntervalSince1970: TimeInterval(statement.int64(1))),
                                             versions: statement.int(2)))
            }
            return found
        }
    }
}

/// A story and the time of its newest version (`Archive.storiesByNewestVersion`).
public struct RecentlyUpdated: Sendable, Equatable {
    public let story: StoryID
    /// The latest `updated` time among its versions (to the second).
    public let newest: Date
    /// How many versions it has.
    public let versions: Int
}
