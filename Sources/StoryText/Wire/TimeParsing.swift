import Foundation
import WritethruSupport

/// Reads the times that pages and wires print: `11/03/2021, 06:18 pm`, `2021-03-11 18:18`,
/// `2021-03-11T18:18:00Z`, `2021-03-11T18:18:00+01:00`, `2021-03-11 18:18:00 UTC`, `2021-03-11`,
/// `March 11, 2021, 06:18 PM EST` (`WrittenTimes`).
public enum TimeParsing {
    /// Parses `text`; times without a zone are read in `options.timeZone`, and numeric
    /// dates in `options.dateOrder`. Returns nil for anything else.
    ///
    /// - Complexity: O(n) in the length of `text`: four anchored regular expressions at most.
    public static func parse(_ text: String, options: ReadingOptions) -> Date? {
        parseStated(text, options: options)?.date
    }

    /// Parses `text` as `parse` does and also says how it was written: the UTC offset it named
    /// (`Z`, `UTC` and `GMT` are 0), nil when it named none, and whether it had a time of day.
    ///
    /// - Complexity: as `parse(_:options:)`.
    public static func parseStated(_ text: String, options: ReadingOptions) -> StatedTime? {
        let trimmed = text.trimmedSpaces
        return parseISO(trimmed, options: options) ?? parseNumeric(trimmed, options: options)
            ?? WrittenTimes.parse(trimmed, options: options)
    }

    /// The instant of a wall-clock time in `zone`; nil for a day the month does not have, or a
    /// leap second that would roll into the next day.
    ///
    /// A zone of one fixed offset (`offset` given, or UTC) is computed on the proleptic Gregorian
    /// calendar (`CivilDate`), which agrees with Foundation's from 1583 on; earlier years and named
    /// zones, whose offset depends on the date, go through `Calendar` (its creation alone costs
    /// about a tenth of a millisecond, a third of a short command's reading).
    /// - Complexity: O(1).
    private static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                             zone: TimeZone, offset: Int? = nil) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), (1000...9999).contains(year)
        else { return nil }
        if year >= 1583, let fixed = offset ?? fixedOffset(of: zone) {
            let seconds = hour * 3600 + minute * 60 + second
            guard day <= CivilDate.daysIn(month: month, year: year), seconds < 86_400 else { return nil }
            let days = CivilDate.days(year: year, month: month, day: day)
            return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + seconds - fixed))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let result = calendar.date(from: components),
              calendar.component(.day, from: result) == day else { return nil }
        return result
    }

    static let isoPattern = Pattern(#"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$"#)
    static let numericPattern = Pattern(#"^(\d{1,2})/(\d{1,2})/(\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?(?:\s+([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?$"#)

    private static func parseISO(_ text: String, options: ReadingOptions) -> StatedTime? {
        let groups: [String?]
        if let byHand = WireMatchers.isoTime(text) {
            guard let byHand else { return nil }
            groups = [nil] + byHand
        } else {
            guard let match = isoPattern.firstMatch(in: text) else { return nil }
            groups = (0...7).map { match[$0] }
        }
        var zone = options.timeZone
        var offset: Int?
        if let designator = groups[7] {
            guard let seconds = offsetSeconds(designator), let parsed = TimeZone(secondsFromGMT: seconds) else {
                return nil
            }
            zone = parsed
            offset = seconds
        }
        let number = { (group: Int) in groups[group].flatMap { Int($0) } ?? 0 }
        return date(year: number(1), month: number(2), day: number(3), hour: number(4), minute: number(5),
                    second: number(6), zone: zone, offset: offset)
            .map { StatedTime(date: $0, offsetSeconds: offset, hasTime: groups[4] != nil) }
    }

    /// 0 for UTC and GMT, the zones every time without a zone of its own is read in by default;
    /// nil for any other zone, whose offset may change with the date.
    private static func fixedOffset(of zone: TimeZone) -> Int? {
        ["UTC", "GMT"].contains(zone.identifier) ? 0 : nil
    }

    /// Seconds east of UTC for `Z`, `UTC`, `GMT`, `+01:00`, `-0500`; nil for anything else.
    static func offsetSeconds(_ designator: String) -> Int? {
        if ["Z", "UTC", "GMT"].contains(designator) { return 0 }
        let sign = designator.hasPrefix("-") ? -1 : 1
        let digits = designator.dropFirst().filter(\.isNumber)
        guard designator.hasPrefix("-") || designator.hasPrefix("+"), digits.count == 4,
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)),
              hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func parseNumeric(_ text: String, options: ReadingOptions) -> StatedTime? {
        guard let match = numericPattern.firstMatch(in: text) else { return nil }
        let number = { (group: Int) in match[group].flatMap { Int($0) } ?? 0 }
        let (day, month) = options.dateOrder == .dayMonthYear ? (number(1), number(2)) : (number(2), number(1))
        var hour = number(4)
        if let meridiem = match[7]?.lowercased().first {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "p", hour != 12 { hour += 12 }
            if meridiem == "a", hour == 12 { hour = 0 }
        }
        // A zone after the clock ("08:05 am EDT", "18:18 GMT", "06:06 -05:00"): its offset, for a
        // US regional one ("ET") the one in force on that day; a word that is no zone is no time.
        var zone = options.timeZone
        var offset: Int?
        if let designator = match[8] {
            if let seconds = offsetSeconds(designator) {
                offset = seconds
            } else if let utc = TimeZone(identifier: "UTC"),
                      let wall = date(year: number(3), month: month, day: day, hour: hour, minute: number(5),
                                      second: number(6), zone: utc) {
                offset = WrittenTimes.offset(of: designator, at: wall)
            }
            guard let offset, let stated = TimeZone(secondsFromGMT: offset) else { return nil }
            zone = stated
        }
        return date(year: number(3), month: month, day: day, hour: hour, minute: number(5), second: number(6),
                    zone: zone)
            .map { StatedTime(date: $0, offsetSeconds: offset, hasTime: match[4] != nil) }
    }
}
