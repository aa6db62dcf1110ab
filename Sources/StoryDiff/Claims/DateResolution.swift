import Foundation

/// Resolves the dates a sentence prints against the revision's own time, so that "on
/// Thursday" in one version and "today" in the next compare equal when they mean the same day
/// (docs/diff/claims.md).
public enum DateResolution {
    static let monthNumbers: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdayNumbers: [String: Int] = ["sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5,
                                                "friday": 6, "saturday": 7]

    /// The day (`yyyy-MM-dd`), week (`week of yyyy-MM-dd`), month or year a printed date means,
    /// seen from `reference`; the text itself when it cannot be resolved.
    ///
    /// - Complexity: O(n) in the length of the printed date; constant calendar arithmetic.
    public static func resolve(_ date: String, reference: Date?) -> String {
        guard let reference else { return date.lowercased() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let words = date.lowercased().replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
            .split(separator: " ").map(String.init)
        func day(_ value: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: value)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        func shifted(_ component: Calendar.Component, _ amount: Int) -> Date {
            calendar.date(byAdding: component, value: amount, to: reference) ?? reference
        }
        if let month = words.first.flatMap({ monthNumbers[$0] }), words.count >= 2, let dayNumber = Int(words[1]) {
            let year = words.count >= 3 ? Int(words[2]) : calendar.component(.year, from: reference)
            return String(format: "%04d-%02d-%02d", year ?? 0, month, dayNumber)
        }
        if let weekday = words.last.flatMap({ weekdayNumbers[$0] }) {
            // The nearest such weekday: "on Thursday" in a story of a Wednesday is tomorrow,
            // in a story of a Saturday it was two days ago.
            let today = calendar.component(.weekday, from: reference)
            var offset = weekday - today
            if offset > 3 { offset -= 7 }
            if offset < -3 { offset += 7 }
            if words.first == "next", offset <= 0 { offset += 7 }
            if words.first == "last", offset >= 0 { offset -= 7 }
            return day(shifted(.day, offset))
        }
        switch words.joined(separator: " ") {
        case "today", "tonight": return day(reference)
        case "yesterday": return day(shifted(.day, -1))
        case "tomorrow": return day(shifted(.day, 1))
        case "this week", "earlier this week": return "week of " + day(startOfWeek(reference, calendar))
        case "next week": return "week of " + day(startOfWeek(shifted(.day, 7), calendar))
        case "last week": return "week of " + day(startOfWeek(shifted(.day, -7), calendar))
        case "this month", "later this month": return String(day(reference).prefix(7))
        case "next month": return String(day(shifted(.month, 1)).prefix(7))
        case "last month": return String(day(shifted(.month, -1)).prefix(7))
        case "this year": return String(day(reference).prefix(4))
        case "next year": return String(day(shifted(.year, 1)).prefix(4))
        case "last year": return String(day(shifted(.year, -1)).prefix(4))
        default: return date.lowercased()
        }
    }

    static func startOfWeek(_ date: Date, _ calendar: Calendar) -> Date {
        let weekday = calendar.component(.weekday, from: date)
        return calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: date) ?? date
    }
}
