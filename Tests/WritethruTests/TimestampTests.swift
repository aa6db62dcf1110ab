import Foundation
import Testing
@testable import Writethru

/// Stored times are read without the ISO 8601 strategy when they have the form Writethru
/// writes; the two readings agree, and anything else is left to the strategy.
@Suite struct TimestampTests {
    @Test func theStoredFormIsReadAsTheStrategyReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["1900-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2021-03-11T18:18:00Z",
                     "2100-02-28T12:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T00:00:01Z", "1969-12-31T23:59:59Z"]
        for _ in 0..<2000 {
            let seconds = Double(Int64.random(in: -2_208_988_800...253_402_300_799, using: &generator))
            texts.append(Timestamp.format(Date(timeIntervalSince1970: seconds)))
        }
        for text in texts {
            let stored = try #require(Timestamp.stored(text), "\(text)")
            #expect(stored == (try Date(text, strategy: .iso8601)), "\(text)")
            #expect(Timestamp.format(stored) == text)
        }
    }

    @Test func wholeSecondsAreWrittenAsTheFormatStyleWritesThem() {
        var generator = SystemRandomNumberGenerator()
        var seconds: [Int64] = [-2_208_988_800, 0, -1, 86_399, 86_400, 951_782_400, 253_402_300_799, 1_615_486_680]
        for _ in 0..<3000 { seconds.append(Int64.random(in: -2_208_988_800...253_402_300_799, using: &generator)) }
        for second in seconds {
            let date = Date(timeIntervalSince1970: Double(second))
            #expect(Timestamp.written(date) == date.formatted(.iso8601), "\(second)")
        }
        for other in [-2_208_988_801, -2_208_988_800.5, 253_402_300_800, .nan, .infinity] {
            #expect(Timestamp.written(Date(timeIntervalSince1970: other)) == nil, "\(other)")
        }
    }

    /// A clock's time has a fraction of a second: it is dropped as the format style drops it,
    /// counting down (before 1970 too), so `recorded` reads as it did when Foundation wrote it.
    @Test func fractionsOfASecondAreDroppedAsTheFormatStyleDropsThem() {
        var generator = SystemRandomNumberGenerator()
        var intervals: [Double] = [0.5, 0.999, 0.999_999_9, -0.25, -0.5, -1.5, 1_615_486_680.999, 1_615_486_680.5,
                                   -2_208_988_799.5, 253_402_300_799.9, Date().timeIntervalSince1970]
        for _ in 0..<3000 {
            intervals.append(Double.random(in: -2_208_988_800...253_402_300_799, using: &generator))
            intervals.append(Double(Int64.random(in: 0...2_000_000_000, using: &generator))
                + Double.random(in: 0..<1, using: &generator))
        }
        for interval in intervals {
            let date = Date(timeIntervalSince1970: interval)
            #expect(Timestamp.written(date) == date.formatted(.iso8601), "\(interval)")
        }
    }

    @Test func otherFormsAreLeftToTheStrategy() {
        for text in ["2021-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2021-04-31T00:00:00Z", "2021-13-01T00:00:00Z",
                     "2021-00-01T00:00:00Z", "2021-01-00T00:00:00Z", "2021-01-01T24:00:00Z", "2021-01-01T23:60:00Z",
                     "2021-01-01T23:59:60Z", "1899-12-31T23:59:59Z", "2021-01-01T00:00:00z", "2021-01-01 00:00:00Z",
                     "2021-01-01T00:00:00+00:00", "2021-01-01T00:00:00.5Z", "+021-01-01T00:00:00Z", "2021-1-01T00:00:00Z",
                     "", "2021-01-01T00:00:0\u{661}Z"] {
            #expect(Timestamp.stored(text) == nil, "\(text)")
        }
    }
}
