import Foundation

/// Times as Writethru prints and stores them: ISO 8601 in UTC with a `Z`, to the second.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Parses a stored timestamp (any ISO 8601 form `TimeParsing` accepts, zone required).
    public static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
