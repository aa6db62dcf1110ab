import Foundation

/// One recorded version of a story, as `log` lists it.
public struct VersionEntry: Sendable, Equatable {
    public let story: StoryID
    /// 1 for the first recorded version.
    public let number: Int
    public let tag: String?
    public let headline: String
    public let advisory: String?
    /// The revision's own time.
    public let updated: Date
    public let recorded: Date
    public let commit: CommitID
    /// Where the input is kept in the revision's tree (`source/<name>`).
    let sourcePath: String
    /// The date its dateline prints ("March 10"), kept apart from the text when it was read.
    public var datelineDate: String? = nil
    /// Whether `updated` is only the recording time (the input gave no time of its own).
    public var timeIsRecorded = false
    /// Seconds east of UTC of the zone the input stated its publication time in (meta.json's
    /// `published`, `-14400` for `2021-03-11T06:06:00-04:00`): the story's own zone, in which
    /// the report shows its times. Nil when the input stated none, or UTC, and for revisions
    /// recorded before the offset was kept: their times are shown in UTC.
    public var statedOffset: Int? = nil

    /// The time relative dates ("on Thursday") are resolved against: the revision's own, or,
    /// when only the recording time stands in for it and the dateline gives a day, none (the
    /// dateline dates the story instead: a story recorded long after it was filed would
    /// otherwise be read against the day it was recorded).
    public var timeForDates: Date? { timeIsRecorded && datelineDate != nil ? nil : updated }
}
