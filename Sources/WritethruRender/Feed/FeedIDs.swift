import Foundation
import Writethru

/// The ids of feeds and entries: tag: URIs (RFC 4151), made only of what never changes once an
/// entry exists, so that a feed reader never shows an update twice
/// (docs/decisions/0038-feed-entry-ids.md):
///
/// - a story's: `tag:writethru@localhost,2021-03-11:us-china-alaska-talks/7ffba915f0f3`, the date
///   the UTC day of its first version and the digits that version's commit, both fixed by the
///   first record (and copied unchanged by push, pull and clone);
/// - an entry's: the story's, then `/` and the version number (versions are only ever appended);
/// - the archive's: `tag:writethru@localhost,2026-01-15:archive/<12 digits>`, from the archive's
///   first commit (`Archive.origin`);
/// - a feed of undeclared changes: its scope's id, then `/undeclared`.
public enum FeedIDs {
    /// The tagging entity: the address every archive's first commit is signed with.
    public static let authority = "writethru@localhost"

    /// A story's id, from its first version.
    public static func story(_ first: VersionEntry) -> String {
        "tag:\(authority),\(day(first.updated)):\(first.story.value)/\(first.commit.short())"
    }

    /// A version's entry id, from the story's first version and the version's number.
    public static func entry(first: VersionEntry, number: Int) -> String {
        story(first) + "/\(number)"
    }

    /// The archive's id, from its first commit.
    public static func archive(origin: (commit: CommitID, time: Date)) -> String {
        "tag:\(authority),\(day(origin.time)):archive/\(origin.commit.short())"
    }

    /// The id of the feed of undeclared changes of a scope whose id is `scope`.
    public static func undeclared(_ scope: String) -> String { scope + "/undeclared" }

    /// `YYYY-MM-DD`, the UTC day of a time (the tag's date).
    static func day(_ date: Date) -> String { String(Timestamp.format(date).prefix(10)) }
}
