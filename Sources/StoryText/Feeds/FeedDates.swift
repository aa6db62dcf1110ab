import Foundation
import WritethruSupport

/// The dates feeds write: RFC 822 / RFC 1123 in RSS 2.0 (`Tue, 10 Mar 2021 14:05:00 GMT`,
/// `+0000`, `EST`, two-digit years) and RFC 3339 / W3C-DTF in Atom and Dublin Core
/// (`2021-03-10T14:05:00Z`, `2021-03-10T09:05:00.250-05:00`, `2021-03-10T14:05Z`, `2021-03-10`).
/// Each element is tried in both forms, since feeds mix them up. A date without a zone is read as
/// UTC, as feedparser does.
enum FeedDates {
    /// The moment `text` names, or nil when it is neither form or names an impossible date.
    ///
    /// - Complexity: O(n) in the length of `text`.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return nil }
        let trimmed = Array(bytes[first...last])
        return rfc3339(trimmed) ?? rfc822(trimmed)
    }

    // MARK: RFC 3339 / W3C-DTF

    /// `YYYY[-MM[-DD[(T|t| )hh:mm[:ss[.fff]][Z|±hh:mm|±hhmm]]]]`.
    static func rfc3339(_ s: [UInt8]) -> Date? {
        var i = 0
        guard let year = digits(s, &i, count: 4) else { return nil }
        var month = 1, day = 1
        var clock = (hour: 0, minute: 0, second: 0.0)
        var offset = 0
        if i < s.count {
            guard s[i] == UInt8(ascii: "-"), advance(&i), let m = digits(s, &i, count: 2) else { return nil }
            month = m
            if i < s.count {
                guard s[i] == UInt8(ascii: "-"), advance(&i), let d = digits(s, &i, count: 2) else { return nil }
                day = d
            }
        }
        if i < s.count {
            guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(s[i]), advance(&i),
                  let time = clockTime(s, &i) else { return nil }
            clock = time
            if i < s.count {
                guard let zone = numericOrZulu(s, &i) else { return nil }
                offset = zone
            }
        }
        guard i == s.count else { return nil }
        return moment(year: year, month: month, day: day, clock: clock, offset: offset)
    }

    // MARK: RFC 822 / RFC 1123

    /// `[Day,] DD Mon YYYY hh:mm[:ss] [zone]`, with one- or two-digit days, full month names and
    /// two-digit years (00–49 are 20xx, 50–99 19xx, as RFC 2822 says).
    static func rfc822(_ s: [UInt8]) -> Date? {
        var tokens = s.split(whereSeparator: { isSpace($0) || $0 == UInt8(ascii: ",") }).map(Array.init)
        if let first = tokens.first, first.allSatisfy(isLetter) { tokens.removeFirst() }  // the weekday
        guard tokens.count == 4 || tokens.count == 5 else { return nil }
        var i = 0
        guard let day = digits(tokens[0], &i, count: nil), i == tokens[0].count, day >= 1,
              let month = monthNumber(tokens[1]) else { return nil }
        i = 0
        guard var year = digits(tokens[2], &i, count: nil), i == tokens[2].count else { return nil }
        if tokens[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        i = 0
        guard let clock = clockTime(tokens[3], &i), i == tokens[3].count else { return nil }
        var offset = 0
        if tokens.count == 5 {
            guard let zone = zoneOffset(tokens[4]) else { return nil }
            offset = zone
        }
        return moment(year: year, month: month, day: day, clock: clock, offset: offset)
    }

    /// RFC 822's zone names and `±hhmm` / `±hh:mm`, in seconds east of UTC; military letters other
    /// than `Z` mean nothing reliable and are read as UTC, as RFC 2822 says.
    private static func zoneOffset(_ token: [UInt8]) -> Int? {
        var i = 0
        if let numeric = numericOrZulu(token, &i), i == token.count { return numeric }
        let name = String(decoding: token, as: UTF8.self).uppercased()
        let hours: [String: Int] = ["GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
                                    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AST": -4, "ADT": -3]
        if let hours = hours[name] { return hours * 3600 }
        if token.count == 1, token.allSatisfy(isLetter) { return 0 }
        return nil
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ token: [UInt8]) -> Int? {
        guard token.count >= 3, token.allSatisfy(isLetter) else { return nil }
        let name = String(decoding: token, as: UTF8.self).lowercased()
        guard let index = months.firstIndex(of: String(name.prefix(3))) else { return nil }
        // `Mar` and `March` are both written; `Marzo` is not English.
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"][index]
        guard name.count == 3 || name == full || (name == "sept" && index == 8) else { return nil }
        return index + 1
    }

    // MARK: Pieces

    /// `hh:mm[:ss[.fff]]`.
    private static func clockTime(_ s: [UInt8], _ i: inout Int) -> (hour: Int, minute: Int, second: Double)? {
        guard let hour = digits(s, &i, count: 2), i < s.count, s[i] == UInt8(ascii: ":"), advance(&i),
              let minute = digits(s, &i, count: 2) else { return nil }
        var second = 0.0
        if i < s.count, s[i] == UInt8(ascii: ":") {
            i += 1
            guard let whole = digits(s, &i, count: 2) else { return nil }
            second = Double(whole)
            if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
                i += 1
                var scale = 0.1
                let start = i
                while i < s.count, isDigit(s[i]) {
                    second += Double(s[i] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        guard hour <= 23 || (hour == 24 && minute == 0 && second == 0), minute <= 59, second < 61 else { return nil }
        return (hour, minute, second)
    }

    /// `Z`, `z`, `±hh:mm`, `±hhmm` or `±hh`, in seconds east of UTC.
    private static func numericOrZulu(_ s: [UInt8], _ i: inout Int) -> Int? {
        guard i < s.count else { return nil }
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            i += 1
            return 0
        }
        guard s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return nil }
        let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let hours = digits(s, &i, count: 2) else { return nil }
        var minutes = 0
        if i < s.count {
            if s[i] == UInt8(ascii: ":") { i += 1 }
            guard let m = digits(s, &i, count: 2) else { return nil }
            minutes = m
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// Reads `count` ASCII digits (or, with nil, one to four) at `i`.
    private static func digits(_ s: [UInt8], _ i: inout Int, count: Int?) -> Int? {
        var value = 0
        var read = 0
        let most = count ?? 4
        while read < most, i < s.count, isDigit(s[i]) {
            value = value * 10 + Int(s[i] - UInt8(ascii: "0"))
            read += 1
            i += 1
        }
        guard read > 0, count == nil || read == count else { return nil }
        return value
    }

    private static func advance(_ i: inout Int) -> Bool {
        i += 1
        return true
    }

    /// The instant of a proleptic Gregorian date and clock time at `offset` seconds east of UTC,
    /// or nil for a day the month does not have.
    private static func moment(year: Int, month: Int, day: Int, clock: (hour: Int, minute: Int, second: Double),
                               offset: Int) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + clock.hour * 3600 + clock.minute * 60 - offset) + clock.second
        return Date(timeIntervalSince1970: seconds)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { ((byte | 0x20) >= UInt8(ascii: "a")) && ((byte | 0x20) <= UInt8(ascii: "z")) }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
