import Foundation
import StoryText
import WritethruSupport

/// Times as Writethru prints and stores them: ISO 8601 in UTC with a `Z`, to the second.
/// A publication time keeps the offset its input stated (`format(_:offsetSeconds:)`).
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        written(date) ?? date.formatted(.iso8601)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for a time in the years 1900 to 9999, without the ISO 8601 format
    /// style (which costs more to set up than to use: a clock's `Date()` went to it at every
    /// `record`); nil for any other time. A fraction of a second is dropped, as the format
    /// style drops it (the second counted down, also before 1970).
    static func written(_ date: Date) -> String? {
        let interval = date.timeIntervalSince1970.rounded(.down)
        // 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
        guard interval >= -2_208_988_800, interval <= 253_402_300_799 else { return nil }
        let (year, month, day, hour, minute, second) = civil(Int(interval))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(0x30 + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(0x2D)
        digits(month, 2)
        bytes.append(0x2D)
        digits(day, 2)
        bytes.append(0x54)
        digits(hour, 2)
        bytes.append(0x3A)
        digits(minute, 2)
        bytes.append(0x3A)
        digits(second, 2)
        bytes.append(0x5A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The civil date and time (proleptic Gregorian) of `seconds` since 1970-01-01T00:00:00:
    /// arithmetic only, so the same on every machine whatever its locale or zone (add an offset
    /// first for a time in another zone).
    /// - Complexity: O(1).
    public static func civil(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = CivilDate.date(days: days)
        return (year, month, day, time / 3_600, time / 60 % 60, time % 60)
    }

    /// ISO 8601 to the second in the offset the input stated, such as `2019-11-19T06:56:43-05:00`;
    /// in UTC with a `Z` when it stated none (or UTC itself).
    public static func format(_ date: Date, offsetSeconds: Int?) -> String {
        guard let offsetSeconds, offsetSeconds != 0 else { return format(date) }
        return StatedTime(date: date, offsetSeconds: offsetSeconds).iso8601
    }

    /// A revision's publication time as meta.json and `parse` give it: with the input's offset.
    public static func published(_ revision: Revision) -> String? {
        revision.published.map { format($0, offsetSeconds: revision.publishedOffset) }
    }

    /// Parses a stored timestamp (any ISO 8601 form `TimeParsing` accepts, zone required).
    public static func parse(_ text: String) -> Date? {
        stored(text) ?? (try? Date(text, strategy: .iso8601))
    }

    /// The form Writethru writes, `YYYY-MM-DDTHH:MM:SSZ` with every field in range and the year
    /// 1900 to 9999, without the ISO 8601 parse strategy (which costs more to set up than to
    /// use); nil for anything else, which the strategy then reads.
    static func stored(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                  bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for byte in bytes[start..<(start + count)] {
                    guard (0x30...0x39).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1900...9999).contains(year), (1...12).contains(month), hour < 24, minute < 60, second < 60
            else { return nil }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard day >= 1, day <= lengths[month - 1] else { return nil }
            // Days from 1970-01-01 to the date (proleptic Gregorian, the civil-from-days inverse).
            let shifted = month <= 2 ? year - 1 : year
            let era = shifted / 400
            let yearOfEra = shifted - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            let days = era * 146_097 + dayOfEra - 719_468
            return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
        }
    }
}
