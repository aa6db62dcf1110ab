import Foundation
internal import GitStore
import SQLiteStore

/// A story with versions recorded since some time, and when its latest version was recorded.
public struct RecentlyRecorded: Sendable, Equatable {
    public let story: StoryID
    /// The recording time of its latest version.
    public let recorded: Date
}

extension Archive {
    /// The stories with a version recorded at or after `since` (`changes`: what is new since I
    /// last looked), the most recently recorded first (ties by id). The derived index names
    /// every story and its tip; a tip's committer time is its recording time, and recording
    /// times along a story never go back (each version is recorded after the one under it),
    /// so a story whose tip was recorded before `since` has no such version and is passed over
    /// without reading its history.
    ///
    /// - Complexity: one index scan and one commit read per story; no version list, article or
    ///   meta.json is read.
    public func storiesRecorded(since: Date) throws(WritethruError) -> [RecentlyRecorded] {
        let index = try derivedIndex()
        let tips = try index.read { database throws(SQLiteError) -> [(String, String)] in
            let statement = try database.statement("SELECT name, tip FROM story")
            var rows: [(String, String)] = []
            while try statement.step() { rows.append((statement.text(0), statement.text(1))) }
            return rows
        }
        let bound = Int64(since.timeIntervalSince1970.rounded(.up))
        var found: [RecentlyRecorded] = []
        for (name, tipHex) in tips {
            guard let story = try? StoryID(validating: name), let tip = ObjectID(hex: tipHex) else { continue }
            let time = try inStorage("story \(story)") { try repository.commit(tip).committer.time }
            if time >= bound {
                found.append(RecentlyRecorded(story: story, recorded: Date(timeIntervalSince1970: TimeInterval(time))))
            }
        }
        return found.sorted { $0.recorded != $1.recorded ? $0.recorded > $1.recorded : $0.story.value < $1.story.value }
    }
}
