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
