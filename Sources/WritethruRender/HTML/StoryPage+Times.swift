import Foundation
import Writethru
import WritethruSupport

/// Times as the report shows them: in the story's own zone (the UTC offset its input stated),
/// readable ("11 Mar 2021, 14:18 -04:00"), with the machine time in `datetime` and the UTC time
/// on hover; in UTC when the story stated no zone.
extension StoryPage {
    /// The zone a story's times are shown in: the offset its latest version stated, else the
    /// latest one any version stated; nil (UTC) when none did.
    ///
    /// - Complexity: O(v) in the versions.
    static func storyOffset(_ timeline: StoryTimeline) -> Int? {
        timeline.versions.last(where: { $0.entry.statedOffset != nil })?.entry.statedOffset
    }

    /// The offset one version's times are shown in: its own stated one, else the story's.
    static func offset(of entry: VersionEntry, story: Int?) -> Int? {
        entry.statedOffset ?? story
    }

    /// `<time datetime="2021-03-11T18:18:00Z" title="2021-03-11 18:18 UTC">11 Mar 2021, 14:18 -04:00</time>`;
    /// the text ends in "UTC" when `offset` is nil; without `day`, the text is the time alone
    /// ("14:18 -04:00"), for the end of a range within one day.
    static func time(_ date: Date, offset: Int?, day: Bool = true) -> String {
        let utc = Timestamp.format(date)
        var text = readable(date, offset: offset)
        if !day, let comma = text.range(of: ", ") { text = String(text[comma.upperBound...]) }
        return "<time datetime=\"" + utc + "\" title=\"" + utcTitle(date) + "\">" + text + "</time>"
    }

    /// Whether two times fall on the same day in the zones they are shown in.
    static func sameDay(_ a: Date, _ offsetA: Int?, _ b: Date, _ offsetB: Int?) -> Bool {
        let (x, y) = (wallClock(a, offset: offsetA ?? 0), wallClock(b, offset: offsetB ?? 0))
        return offsetA == offsetB && x.year == y.year && x.month == y.month && x.day == y.day
    }

    /// "2021-03-11 18:18 UTC".
    static func utcTitle(_ date: Date) -> String {
        let parts = wallClock(date, offset: 0)
        return "\(parts.year)-" + two(parts.month) + "-" + two(parts.day) + " " + two(parts.hour) + ":"
            + two(parts.minute) + " UTC"
    }

    /// "11 Mar 2021, 14:18 -04:00", or "11 Mar 2021, 18:18 UTC" with no offset.
    static func readable(_ date: Date, offset: Int?) -> String {
        let parts = wallClock(date, offset: offset ?? 0)
        let month = monthNames[safe: parts.month - 1] ?? "?"
        return "\(parts.day) \(month) \(parts.year), " + two(parts.hour) + ":" + two(parts.minute) + " "
            + zoneName(offset)
    }

    /// "-04:00", "+05:30", or "UTC".
    static func zoneName(_ offset: Int?) -> String {
        guard let offset, offset != 0 else { return "UTC" }
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The civil date and time of `date` at `offset` seconds east of UTC (`Timestamp.civil`).
    private static func wallClock(_ date: Date, offset: Int)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let civil = Timestamp.civil(Int(date.timeIntervalSince1970.rounded(.down)) + offset)
        return (civil.year, civil.month, civil.day, civil.hour, civil.minute)
    }
}
