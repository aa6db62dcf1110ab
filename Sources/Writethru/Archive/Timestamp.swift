import Foundation
import StoryText

/// Times as Writethru prints and stores them: ISO 8601 in UTC with a `Z`, to the second.
/// A publication time keeps the offset its input stated (`format(_:offsetSeconds:)`).
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
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
        try? Date(text, strategy: .iso8601)
    }
}
