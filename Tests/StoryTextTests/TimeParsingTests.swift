import Foundation
import StoryText
import Testing

private let utc = TimeZone(identifier: "UTC") ?? .current

private func date(_ iso: String) -> Date? { try? Date(iso, strategy: .iso8601) }

@Suite struct TimeParsingTests {
    let options = ReadingOptions(dateOrder: .dayMonthYear, timeZone: utc)

    @Test(arguments: [
        ("11/03/2021, 06:06 am", "2021-03-11T06:06:00Z"),
        ("11/03/2021, 12:10 am", "2021-03-11T00:10:00Z"),
        ("11/03/2021, 12:10 pm", "2021-03-11T12:10:00Z"),
        ("2021-03-11T18:18:00Z", "2021-03-11T18:18:00Z"),
        ("2021-03-11T18:18:00+01:00", "2021-03-11T17:18:00Z"),
        ("2021-03-11 18:18", "2021-03-11T18:18:00Z"),
        ("2021-03-11", "2021-03-11T00:00:00Z"),
    ])
    func parses(text: String, expected: String) {
        #expect(TimeParsing.parse(text, options: options) == date(expected))
    }

    @Test(arguments: ["31/02/2021", "13:00", "yesterday", "2021-13-01", "11/03/2021, 13:10 pm", ""])
    func rejects(text: String) {
        #expect(TimeParsing.parse(text, options: options) == nil)
    }

    @Test func zoneLessTimesUseTheConfiguredZone() {
        let newYork = ReadingOptions(dateOrder: .dayMonthYear, timeZone: TimeZone(identifier: "America/New_York") ?? utc)
        #expect(TimeParsing.parse("11/03/2021, 06:18 pm", options: newYork) == date("2021-03-11T23:18:00Z"))
    }
}

@Suite struct TimeParsingRuleTests {
    let dayFirst = ReadingOptions(dateOrder: .dayMonthYear, timeZone: utc)
    let newYork = ReadingOptions(dateOrder: .dayMonthYear, timeZone: TimeZone(identifier: "America/New_York") ?? utc)

    /// ISO 8601: zone designators, fractions of a second, spaces around.
    @Test(arguments: [
        ("2021-03-11T18:18:00+0530", "2021-03-11T12:48:00Z"),
        ("2021-03-11T18:18:00-05:00", "2021-03-11T23:18:00Z"),
        ("2021-03-11T18:18:00.250Z", "2021-03-11T18:18:00Z"),
        ("2021-03-11 18:18:30", "2021-03-11T18:18:30Z"),
        ("2020-02-29", "2020-02-29T00:00:00Z"),
        ("  2021-03-11  ", "2021-03-11T00:00:00Z"),
    ])
    func iso(text: String, expected: String) {
        #expect(TimeParsing.parse(text, options: dayFirst) == date(expected))
    }

    /// Numeric dates: meridiem forms, midnight and noon, an explicit UTC over the configured zone.
    @Test(arguments: [
        ("11/03/2021", "2021-03-11T00:00:00Z"),
        ("11/03/2021 6:18 p.m.", "2021-03-11T18:18:00Z"),
        ("11/03/2021, 6:18 PM", "2021-03-11T18:18:00Z"),
        ("11/03/2021, 12:00 am", "2021-03-11T00:00:00Z"),
        ("11/03/2021, 12:00 pm", "2021-03-11T12:00:00Z"),
        ("11/03/2021 18:18:05", "2021-03-11T18:18:05Z"),
        ("1/3/2021", "2021-03-01T00:00:00Z"),
    ])
    func numeric(text: String, expected: String) {
        #expect(TimeParsing.parse(text, options: dayFirst) == date(expected))
    }

    /// A numeric date whose clock names its zone, as wire copy and pages print it: the instant,
    /// and the offset kept beside it (a US regional zone by its rule on that day); a word after
    /// the clock that is no zone makes it no time. Before, only UTC, GMT and Z were read, and
    /// "Published 26/09/2024, 08:05 am EDT" stayed in the story's text.
    @Test(arguments: [
        ("26/09/2024, 08:05 am EDT", "2024-09-26T12:05:00Z", -4 * 3600),
        ("26/09/2024, 08:05 am ET", "2024-09-26T12:05:00Z", -4 * 3600),
        ("11/03/2021, 06:18 pm ET", "2021-03-11T23:18:00Z", -5 * 3600),
        ("11/03/2021 18:18 CET", "2021-03-11T17:18:00Z", 3600),
        ("11/03/2021, 06:06 am -05:00", "2021-03-11T11:06:00Z", -5 * 3600),
        ("11/03/2021, 06:06 am +0530", "2021-03-11T00:36:00Z", 19800),
        ("11/03/2021, 06:18 pm GMT", "2021-03-11T18:18:00Z", 0),
    ])
    func numericWithAZone(text: String, expected: String, offset: Int) {
        let stated = TimeParsing.parseStated(text, options: newYork)
        #expect(stated?.date == date(expected))
        #expect(stated?.offsetSeconds == offset)
    }

    @Test func aWordAfterTheClockThatIsNoZoneIsNoTime() {
        #expect(TimeParsing.parse("11/03/2021, 06:18 pm Reuters", options: dayFirst) == nil)
        #expect(TimeParsing.parse("11/03/2021, 06:18 pm XYZ", options: dayFirst) == nil)
    }

    @Test func anExplicitUTCWinsOverTheConfiguredZone() {
        #expect(TimeParsing.parse("11/03/2021, 06:18 pm UTC", options: newYork) == date("2021-03-11T18:18:00Z"))
        #expect(TimeParsing.parse("11/03/2021, 06:18 pm GMT", options: newYork) == date("2021-03-11T18:18:00Z"))
        #expect(TimeParsing.parse("2021-03-11T18:18:00Z", options: newYork) == date("2021-03-11T18:18:00Z"))
        #expect(TimeParsing.parse("2021-03-11T18:18:00", options: newYork) == date("2021-03-11T23:18:00Z"))
    }

    @Test func monthFirstReadsTheFirstNumberAsTheMonth() {
        let monthFirst = ReadingOptions(dateOrder: .monthDayYear, timeZone: utc)
        #expect(TimeParsing.parse("03/11/2021, 6:18 pm", options: monthFirst) == date("2021-03-11T18:18:00Z"))
        #expect(TimeParsing.parse("13/11/2021", options: monthFirst) == nil)
    }

    /// Out of range in any field, or a day the month does not have.
    @Test(arguments: [
        "2021-02-29", "2021-04-31", "0999-01-01", "2021-03-11T24:00", "2021-03-11T18:60",
        "2021-03-11T18:18:00+15:00", "2021-03-11T18:18:00+05:60", "2021-03-11T18:18:00+5",
        "11/03/2021, 0:30 am", "13/13/2021", "11/03/21", "2021-3-11",
    ])
    func rejects(text: String) {
        #expect(TimeParsing.parse(text, options: dayFirst) == nil)
    }
}

/// What an input said besides the instant: the offset it named, and whether it gave a time.
@Suite struct StatedTimeTests {
    let options = ReadingOptions(dateOrder: .dayMonthYear, timeZone: utc)

    @Test(arguments: [
        ("2019-11-19T06:56:43-05:00", "2019-11-19T06:56:43-05:00", -18000),
        ("2019-11-20 13:42:06+08:00", "2019-11-20T13:42:06+08:00", 28800),
        ("2019-11-19T12:48:14Z", "2019-11-19T12:48:14Z", 0),
        ("2019-11-19 02:24:00 UTC", "2019-11-19T02:24:00Z", 0),
        ("2019-11-20T09:29:08+0000", "2019-11-20T09:29:08Z", 0),
        ("2019-11-19T09:01:42+05:30", "2019-11-19T09:01:42+05:30", 19800),
        ("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00", -18000),
        ("Wed, Nov 20 2019 4:29 AM EST", "2019-11-20T04:29:00-05:00", -18000),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00-05:00", -18000),
        ("July 4, 2019 at 9:00 am ET", "2019-07-04T09:00:00-04:00", -14400),
        ("18 Nov 2019 9:38 pm GMT", "2019-11-18T21:38:00Z", 0),
    ])
    func offsetIsKept(text: String, iso: String, offset: Int) {
        let stated = TimeParsing.parseStated(text, options: options)
        #expect(stated?.iso8601 == iso)
        #expect(stated?.offsetSeconds == offset)
        #expect(stated?.hasTime == true)
    }

    @Test func zoneLessAndDayOnlyTimesSaySo() {
        let local = TimeParsing.parseStated("2019-11-19 20:59:46", options: options)
        #expect(local?.offsetSeconds == nil)
        #expect(local?.iso8601 == "2019-11-19T20:59:46Z")
        let day = TimeParsing.parseStated("November 18, 2019", options: options)
        #expect(day?.hasTime == false)
        #expect(day?.date == date("2019-11-18T00:00:00Z"))
    }

    @Test(arguments: ["November 31, 2019", "Nov 19, 2019 25:00", "November 19, 2019 Updated", "2019-11-19T10:00:00+15:00"])
    func rejects(text: String) {
        #expect(TimeParsing.parseStated(text, options: options) == nil)
    }
}

/// ISO times in a fixed zone are computed by arithmetic (CivilDate), not by Foundation's
/// calendar: the two must agree on every day of the years around the leap-year rules, on days a
/// month does not have, on leap seconds and on zone offsets.
@Suite struct TimeParsingArithmeticTests {
    let options = ReadingOptions(dateOrder: .dayMonthYear, timeZone: utc)

    /// What Foundation's Gregorian calendar makes of the same wall-clock time.
    private func byCalendar(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                            offset: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let result = calendar.date(from: components), calendar.component(.day, from: result) == day else { return nil }
        return result
    }

    private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    @Test(arguments: [1583, 1600, 1899, 1900, 1970, 1999, 2000, 2024, 2100, 9999])
    func everyDayOfTheYearAgreesWithTheCalendar(year: Int) {
        for month in 1...12 {
            for day in [1, 15, 28, 29, 30, 31] {
                let text = "\(year)-\(two(month))-\(two(day))T13:45:07Z"
                #expect(TimeParsing.parse(text, options: options) == byCalendar(year, month, day, 13, 45, 7, offset: 0),
                        "\(text)")
            }
        }
    }

    @Test(arguments: [
        ("2016-12-31T23:59:60Z", 0), ("2016-12-31T12:30:60Z", 0), ("2021-03-11T00:00:00+14:00", 14 * 3600),
        ("2021-03-01T00:30:00+01:00", 3600), ("2021-01-01T23:00:00-05:00", -5 * 3600), ("2020-02-29T23:59:59-0930", -34_200),
    ])
    func leapSecondsAndOffsetsAgreeWithTheCalendar(text: String, offset: Int) throws {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        try #require(digits.count >= 6)
        let expected = byCalendar(digits[0], digits[1], digits[2], digits[3], digits[4], digits[5], offset: offset)
        #expect(TimeParsing.parse(text, options: options) == expected)
    }
}
