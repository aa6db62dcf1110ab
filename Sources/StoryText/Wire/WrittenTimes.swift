import Foundation

/// Times written out in English as pages print them: `November 19, 2019, 07:47 PM EST`,
/// `Wed, Nov 20 2019 4:29 AM EST`, `18 Nov 2019 9:38 pm`, and the clock in a byline
/// (`Nov. 19, 2019 8:03 am ET` has the clock 08:03 in US Eastern time).
enum WrittenTimes {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let month = #"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"#
    private static let clock = #"(?:,?\s+(?:at\s+|-\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?(?:\s+([A-Za-z]{1,5}))?"#
    static let monthFirst = Pattern(#"^(?i:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?i:"# + month
        + #")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"# + clock + "$")
    static let dayFirst = Pattern(#"^(?i:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(\d{1,2})\s+(?i:"# + month
        + #"),?\s+(\d{4})"# + clock + "$")
    /// The same dates anywhere in a line of text ("REUTERS 19 NOV 2019", "Monday November 18, 2019
    /// 7:45 am PST by Joe Rossignol"); a word after the clock that is no zone is left out.
    static let monthFirstInText = Pattern(#"(?<![\p{L}\d])(?i:"# + month
        + #")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+|-\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?(?:\s+([A-Za-z]{1,5})\b)?"#)
    static let dayFirstInText = Pattern(#"(?<![\p{L}\d])(\d{1,2})\s+(?i:"# + month
        + #"),?\s+(\d{4})(?:,?\s+(?:at\s+|-\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?(?:\s+([A-Za-z]{1,5})\b)?"#)
    static let visibleClock = Pattern(#"(?<![\d:])(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp]\.?[Mm]\.?)?(?:\s*([A-Za-z]{2,4})\b)?"#)

    /// Offsets of the zone abbreviations pages print; the US ones without "S" or "D" follow the
    /// region's daylight-saving rules.
    static let fixedZones: [String: Int] = [
        "UTC": 0, "GMT": 0, "Z": 0, "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
        "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "BST": 3600, "CET": 3600,
        "CEST": 7200, "EET": 7200, "EEST": 3 * 3600, "MSK": 3 * 3600, "IST": 19800, "PKT": 5 * 3600,
        "SGT": 8 * 3600, "HKT": 8 * 3600, "JST": 9 * 3600, "KST": 9 * 3600, "AEST": 10 * 3600, "AEDT": 11 * 3600,
        "WAT": 3600, "EAT": 3 * 3600, "SAST": 7200,
    ]
    static let regionalZones: [String: String] = [
        "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
    ]

    /// The UTC offset of `abbreviation` at `date`, nil for one it does not know.
    static func offset(of abbreviation: String, at date: Date) -> Int? {
        let upper = abbreviation.uppercased()
        if let fixed = fixedZones[upper] { return fixed }
        return regionalZones[upper].flatMap(TimeZone.init(identifier:))?.secondsFromGMT(for: date)
    }

    static func parse(_ text: String, options: ReadingOptions) -> StatedTime? {
        if let match = monthFirst.firstMatch(in: text) {
            return time(monthName: match[1], day: match[2], year: match[3], match: match, clockGroup: 4,
                        options: options)
        }
        if let match = dayFirst.firstMatch(in: text) {
            return time(monthName: match[2], day: match[1], year: match[3], match: match, clockGroup: 4,
                        options: options)
        }
        return nil
    }

    /// The first written date in `text`, wherever it stands.
    static func find(in text: String, options: ReadingOptions) -> StatedTime? {
        if let match = monthFirstInText.firstMatch(in: text) {
            return time(monthName: match[1], day: match[2], year: match[3], match: match, clockGroup: 4,
                        options: options, strictZone: false)
        }
        if let match = dayFirstInText.firstMatch(in: text) {
            return time(monthName: match[2], day: match[1], year: match[3], match: match, clockGroup: 4,
                        options: options, strictZone: false)
        }
        return nil
    }

    private static func time(monthName: String?, day: String?, year: String?, match: Pattern.Match, clockGroup: Int,
                             options: ReadingOptions, strictZone: Bool = true) -> StatedTime? {
        guard let monthName, let index = months.firstIndex(of: String(monthName.lowercased().prefix(3))),
              let day = day.flatMap({ Int($0) }), let year = year.flatMap({ Int($0) }) else { return nil }
        let hasTime = match[clockGroup] != nil
        var hour = match[clockGroup].flatMap { Int($0) } ?? 0
        let minute = match[clockGroup + 1].flatMap { Int($0) } ?? 0
        let second = match[clockGroup + 2].flatMap { Int($0) } ?? 0
        if let meridiem = match[clockGroup + 3]?.lowercased().first {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "p", hour != 12 { hour += 12 }
            if meridiem == "a", hour == 12 { hour = 0 }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? options.timeZone
        let components = DateComponents(year: year, month: index + 1, day: day, hour: hour, minute: minute, second: second)
        guard (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (1000...9999).contains(year),
              let wall = calendar.date(from: components), calendar.component(.day, from: wall) == day else { return nil }
        if let zone = match[clockGroup + 4], hasTime || strictZone {
            // A word after the time that is no zone ("2019 Updated") makes the text something else.
            guard let offset = offset(of: zone, at: wall) else {
                return strictZone ? nil : StatedTime(date: wall.addingTimeInterval(
                    TimeInterval(-options.timeZone.secondsFromGMT(for: wall))), offsetSeconds: nil, hasTime: hasTime)
            }
            return StatedTime(date: wall.addingTimeInterval(TimeInterval(-offset)), offsetSeconds: offset, hasTime: hasTime)
        }
        let local = options.timeZone.secondsFromGMT(for: wall)
        return StatedTime(date: wall.addingTimeInterval(TimeInterval(-local)), offsetSeconds: nil, hasTime: hasTime)
    }

    /// The first clock in `text`, as minutes after midnight, and the zone abbreviation after it.
    static func clock(in text: String) -> (minutes: Int, zone: String?)? {
        for match in visibleClock.matches(in: text) {
            guard var hour = match[1].flatMap({ Int($0) }), let minute = match[2].flatMap({ Int($0) }),
                  minute < 60 else { continue }
            if let meridiem = match[3]?.lowercased().first {
                guard (1...12).contains(hour) else { continue }
                if meridiem == "p", hour != 12 { hour += 12 }
                if meridiem == "a", hour == 12 { hour = 0 }
            }
            guard hour < 24 else { continue }
            return (hour * 60 + minute, match[4])
        }
        return nil
    }
}
