import Foundation

/// A time as an input stated it: the instant, the UTC offset it was written in (nil when it
/// named no zone and was read in the configured one), and whether it gave a time of day at all.
public struct StatedTime: Sendable, Equatable {
    public var date: Date
    /// Seconds east of UTC: -18000 for `-05:00`, 0 for `Z`.
    public var offsetSeconds: Int?
    /// False for a bare day such as `2021-03-11`.
    public var hasTime: Bool

    public init(date: Date, offsetSeconds: Int? = nil, hasTime: Bool = true) {
        self.date = date
        self.offsetSeconds = offsetSeconds
        self.hasTime = hasTime
    }
}

extension StatedTime {
    /// ISO 8601 to the second in the stated offset, `2019-11-19T06:56:43-05:00`; `Z` when the
    /// offset is 0 or unknown (the instant then read in UTC), as every other Writethru time.
    public var iso8601: String {
        let offset = offsetSeconds ?? 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let two = { (value: Int?) in
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let year = String(parts.year ?? 0)
        var text = String(repeating: "0", count: max(0, 4 - year.count)) + year
        text += "-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
        guard offset != 0 else { return text + "Z" }
        let minutes = abs(offset) / 60
        return text + (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
    }
}
