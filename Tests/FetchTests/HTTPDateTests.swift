import Fetch
import Foundation
import Testing

/// The three HTTP-date forms of RFC 9110 5.6.7, and what is not a date.
@Suite struct HTTPDateTests {
    /// 1994-11-06T08:49:37Z, RFC 9110's example.
    static let example = Date(timeIntervalSince1970: 784_111_777)

    @Test func imfFixdate() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Self.example)
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 23:59:60 GMT") == Date(timeIntervalSince1970: 1_709_251_200))  // leap second read as :60
        #expect(HTTPDate.parse("Sat, 01 Jan 2000 00:00:00 GMT") == Date(timeIntervalSince1970: 946_684_800))
    }

    @Test func obsoleteForms() {
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", now: Self.example) == Self.example)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == Self.example)
    }

    @Test func twoDigitYearsFollowTheFiftyYearRule() throws {
        let now = try #require(HTTPDate.parse("Tue, 01 Dec 2026 00:00:00 GMT"))
        #expect(HTTPDate.parse("Monday, 01-Jan-30 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 1_893_456_000))  // 2030
        #expect(HTTPDate.parse("Friday, 01-Jan-99 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 915_148_800))  // 1999
    }

    @Test func notDates() {
        for text in ["", "120", "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 31 Apr 2026 08:49:37 GMT",
                     "Sun, 29 Feb 2026 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
                     "Sun, 06 Foo 1994 08:49:37 GMT", "tomorrow"] {
            #expect(HTTPDate.parse(text) == nil, "\(text)")
        }
    }
}
