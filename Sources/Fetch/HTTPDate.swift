import Foundation
import WritethruSupport

/// HTTP-dates (RFC 9110 5.6.7) read without a date formatter: the preferred IMF-fixdate
/// ("Sun, 06 Nov 1994 08:49:37 GMT") and the two obsolete forms a recipient must accept,
/// RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994").
/// The weekday is not checked. O(n) in the length of the text.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The instant the text names, or nil when it is none of the three forms or names no real
    /// time (a 31st of April, hour 24). `now` decides the century of RFC 850's two-digit years.
    public static func parse(_ text: String, now: Date = Date()) -> Date? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if words.count == 6, words[5] == "GMT", words[3].count == 4,
           let day = Int(words[1]), let month = month(words[2]), let year = Int(words[3]) {
            return date(year: year, month: month, day: day, time: words[4])
        }
        if words.count == 4, words[3] == "GMT" {
            let parts = words[1].split(separator: "-").map(String.init)
            guard parts.count == 3, parts[2].count == 2, let day = Int(parts[0]), let month = month(parts[1]),
                  let short = Int(parts[2]) else { return nil }
            // RFC 9110: a two-digit year more than 50 years in the future is in the past century.
            let thisYear = CivilDate.date(days: Int((now.timeIntervalSince1970 / 86_400).rounded(.down))).year
            var year = thisYear - thisYear % 100 + short
            if year > thisYear + 50 { year -= 100 }
            return date(year: year, month: month, day: day, time: words[2])
        }
        if words.count == 5, words[4].count == 4, let month = month(words[1]), let day = Int(words[2]),
           let year = Int(words[4]) {
            return date(year: year, month: month, day: day, time: words[3])
        }
        return nil
    }

    private static func month(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// The UTC instant of a calendar day and an "hh:mm:ss" time, when both are real.
    private static func date(year: Int, month: Int, day: Int, time: String) -> Date? {
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
}
