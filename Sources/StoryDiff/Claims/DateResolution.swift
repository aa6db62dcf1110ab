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

    /// The day (`yyyy-MM-dd`), week (`week of yyyy-MM-dd`), month (`yyyy-MM`), year (`yyyy`),
    /// span of years (`2019-2020`), decade (`1980s`) or clock time (`17:00`, `by 17:00@ET`:
    /// `ClockTime`) a printed date means, seen from `reference`; the text itself, in lower case,
    /// when it cannot be resolved.
    ///
    /// Without a reference, what the text alone says is still put in one form, so that the
    /// same date printed two ways compares equal: "March 18", "Mar. 18" and "18 March" are
    /// `--03-18`, "March 2019" and "Mar. 2019" are `2019-03`, "in March" is `--03`, "on
    /// Thursday" is `thursday`. With a reference, a date without a year takes the
    /// reference's; "last March" is the March before the reference's month, "next March" the
    /// one after.
    ///
    /// - Complexity: O(n) in the length of the printed date; constant calendar arithmetic.
    public static func resolve(_ date: String, reference: Date?) -> String {
        if let time = ClockTime.resolve(date) { return time }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let words = date.lowercased().replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
            .split(separator: " ").map(String.init)
        let referenceYear = reference.map { calendar.component(.year, from: $0) }
        func dated(_ year: Int?, _ month: Int, _ day: Int?) -> String {
            let monthDay = day.map { String(format: "%02d-%02d", month, $0) } ?? String(format: "%02d", month)
            return (year ?? referenceYear).map { String(format: "%04d-", $0) + monthDay } ?? "--" + monthDay
        }
        if let printed = absolute(words) { return dated(printed.year, printed.month, printed.day) }
        if words.count <= 2, let month = words.last.flatMap({ monthNumbers[$0] }) {
            let qualifier = words.count == 2 ? words[0] : ""
            guard let reference, ["last", "next"].contains(qualifier) else {
                return qualifier == "last" || qualifier == "next" ? qualifier + " " + dated(nil, month, nil)
                    : dated(nil, month, nil)
            }
            let current = calendar.component(.month, from: reference)
            let year = calendar.component(.year, from: reference)
            if qualifier == "last" { return dated(month < current ? year : year - 1, month, nil) }
            return dated(month > current ? year : year + 1, month, nil)
        }
        if words.count == 1, let word = words.first {
            if let year = Int(word), word.count == 4 { return String(year) }
            if let span = ClaimExtractor.yearSpan(word) { return span }
            if word.hasPrefix("mid-") {
                let rest = String(word.dropFirst(4))
                if let month = monthNumbers[rest] { return "mid " + dated(nil, month, nil) }
                return "mid " + rest
            }
        }
        func day(_ value: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: value)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        guard let reference else {
            // A weekday says the same with or without its "on" or "this".
            if words.count == 2, weekdayNumbers[words[1]] != nil, ["on", "this"].contains(words[0]) { return words[1] }
            return date.lowercased()
        }
        func shifted(_ component: Calendar.Component, _ amount: Int) -> Date {
            calendar.date(byAdding: component, value: amount, to: reference) ?? reference
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

    /// A month, day and year printed in either order ("march 18 2024", "18 march", "march
    /// 2019"), from words without dots and commas, in lower case; nil otherwise.
    static func absolute(_ words: [String]) -> (year: Int?, month: Int, day: Int?)? {
        guard words.count >= 2, words.count <= 3 else { return nil }
        func dayNumber(_ word: String) -> Int? {
            var text = Substring(word)
            for ending in ["st", "nd", "rd", "th"] where text.hasSuffix(ending) { text = text.dropLast(2) }
            return Int(text).flatMap { (1...31).contains($0) ? $0 : nil }
        }
        func year(_ word: String) -> Int? { word.count == 4 ? Int(word) : nil }
        if let month = monthNumbers[words[0]] {
            if words.count == 2, let year = year(words[1]) { return (year, month, nil) }
            guard let day = dayNumber(words[1]) else { return nil }
            if words.count == 3 { return year(words[2]).map { ($0, month, day) } }
            return (nil, month, day)
        }
        guard let day = dayNumber(words[0]), let month = monthNumbers[words[1]] else { return nil }
        if words.count == 3 { return year(words[2]).map { ($0, month, day) } }
        return (nil, month, day)
    }

    /// Whether two resolved dates are the same date: equal, or the same clock time where only
    /// one names its zone.
    public static func same(_ a: String, _ b: String) -> Bool {
        a == b || ClockTime.same(a, b)
    }

    /// What a version's relative dates are resolved against: a revision time, or the day the
    /// story's dateline gives (`StoryDate.reference(near:)`). `yearKnown` is false when the
    /// date is a stand-in of the right weekday in a year nobody prints, whose year must not
    /// be printed.
    public struct Reference: Sendable, Equatable {
        public let date: Date
        public let yearKnown: Bool

        public init(date: Date, yearKnown: Bool = true) {
            self.date = date
            self.yearKnown = yearKnown
        }
    }

    /// `resolve(_:reference:)` against a `Reference`. With a stand-in year, what resolved into
    /// that year is printed without it ("on Thursday" is `--03-11`, as "March 11" is without a
    /// reference; "next week" is `week of --03-15`); what left it ("this year", "yesterday" on
    /// January 1) stays as the text alone says it.
    ///
    /// - Complexity: O(n) in the length of the printed date.
    public static func resolve(_ date: String, against reference: Reference?) -> String {
        guard let reference else { return resolve(date, reference: nil) }
        let resolved = resolve(date, reference: reference.date)
        guard !reference.yearKnown else { return resolved }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let year = String(format: "%04d-", calendar.component(.year, from: reference.date))
        for prefix in ["", "week of "] where resolved.hasPrefix(prefix + year) {
            return prefix + "--" + resolved.dropFirst(prefix.count + year.count)
        }
        return resolve(date, reference: nil)
    }

    /// The days a resolved date spans, [start, end), and whether its year is known: a day
    /// (`2021-03-11`, `--03-11`), a week (`week of 2021-03-08`), a month (`2021-03`, `--03`), a
    /// year (`2021`) or a decade (`1980s`); nil for anything else (a clock time, a weekday
    /// left unresolved, a span of years). A date without a year is placed in the leap year
    /// 2400, so that only dates without years compare with each other.
    ///
    /// - Complexity: O(n) in the length of the resolved date; constant calendar arithmetic.
    static func span(_ resolved: String) -> (start: Date, end: Date, yearKnown: Bool)? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        func make(_ year: Int, _ month: Int, _ day: Int) -> Date? {
            guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
                  calendar.component(.day, from: date) == day else { return nil }
            return date
        }
        func after(_ start: Date, _ component: Calendar.Component, _ amount: Int) -> Date? {
            calendar.date(byAdding: component, value: amount, to: start)
        }
        var text = Substring(resolved)
        let week = text.hasPrefix("week of ")
        if week { text = text.dropFirst(8) }
        if !week, text.count == 5, text.hasSuffix("0s"), let decade = Int(text.dropLast()),
           let start = make(decade, 1, 1), let end = after(start, .year, 10) {
            return (start, end, true)
        }
        let yearKnown = !text.hasPrefix("--")
        let parts = (yearKnown ? text : text.dropFirst(2)).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        let lengths = parts.map(\.count)
        switch (yearKnown, lengths) {
        case (true, [4, 2, 2]), (false, [2, 2]):
            let year = yearKnown ? numbers[0] : 2400
            let (month, day) = yearKnown ? (numbers[1], numbers[2]) : (numbers[0], numbers[1])
            guard let start = make(year, month, day), let end = after(start, .day, week ? 7 : 1) else { return nil }
            return (start, end, yearKnown)
        case (true, [4, 2]) where !week, (false, [2]) where !week:
            let year = yearKnown ? numbers[0] : 2400
            guard let start = make(year, yearKnown ? numbers[1] : numbers[0], 1),
                  let end = after(start, .month, 1) else { return nil }
            return (start, end, yearKnown)
        case (true, [4]) where !week:
            guard let start = make(numbers[0], 1, 1), let end = after(start, .year, 1) else { return nil }
            return (start, end, true)
        default:
            return nil
        }
    }

    /// Whether resolved date `wide` takes in all of `narrow` and more: "last week" the
    /// Thursday of that week, "in March" March 3, "this year" a day of it, "the 1980s" 1989.
    /// Dates with and without a year are never compared.
    ///
    /// - Complexity: O(n) in the lengths of the two; constant calendar arithmetic.
    public static func contains(_ wide: String, _ narrow: String) -> Bool {
        guard let outer = span(wide), let inner = span(narrow), outer.yearKnown == inner.yearKnown else { return false }
        return outer.start <= inner.start && inner.end <= outer.end
            && (outer.start < inner.start || inner.end < outer.end)
    }

    static func startOfWeek(_ date: Date, _ calendar: Calendar) -> Date {
        let weekday = calendar.component(.weekday, from: date)
        return calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: date) ?? date
    }
}
