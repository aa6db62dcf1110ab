import Foundation

/// The day a version of a story is dated by its own text: the dateline of its first
/// paragraph ("WASHINGTON, March 10 (Reuters) - "), so that "on Thursday" and "on March 11"
/// can be compared when the revision has no time of its own (docs/diff/claims.md, "Dates
/// against the story's own date").
///
/// A dateline prints a month and a day, rarely a year. The weekday of that day is what a
/// relative date needs, and it is known only from
/// - a year: printed in the dateline ("March 10, 2021"), or the year of a revision time the
///   caller has (`reference(year:)`);
/// - a weekday the story itself puts on a nearby date ("Thursday, March 11"), which fixes the
///   dateline's weekday without fixing its year.
/// A full date elsewhere in the story is not taken for the story's year: wire style prints the
/// year only of a date in another year ("since March 11, 2011" in an anniversary story).
public struct StoryDate: Sendable, Equatable {
    public let month: Int
    public let day: Int
    /// The year the dateline prints, if it prints one.
    public let year: Int?
    /// The dateline day's weekday (1 = Sunday ... 7 = Saturday) as the story's own
    /// weekday-and-date pairs give it; nil when none does, or when they disagree.
    public let weekday: Int?

    public init(month: Int, day: Int, year: Int? = nil, weekday: Int? = nil) {
        self.month = month
        self.day = day
        self.year = year
        self.weekday = weekday
    }

    /// The date of a version's paragraphs: its first paragraph's dateline, with the weekday
    /// the story's weekday-and-date pairs give it; nil without a dated dateline.
    ///
    /// - Complexity: O(n) in the characters of the paragraphs.
    public init?(paragraphs: [String]) {
        guard let first = paragraphs.first, let dated = Self.dateline(first) else { return nil }
        self.init(month: dated.month, day: dated.day, year: dated.year,
                  weekday: Self.pinnedWeekday(month: dated.month, day: dated.day, in: paragraphs))
    }

    /// The date a dateline printed ("March 10", "Sept. 20", as `Dateline.date` keeps it once the
    /// dateline is read off the text), with the weekday the story's pairs give it.
    ///
    /// - Complexity: O(n) in the characters of the paragraphs.
    public init?(printed date: String, paragraphs: [String]) {
        let words = date.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.replacingOccurrences(of: ".", with: "") }
        guard words.count >= 2, let month = DateResolution.monthNumbers[words[0].lowercased()],
              let day = Int(words[1]), (1...31).contains(day) else { return nil }
        let year = words.count >= 3 ? Int(words[2]).flatMap { (1000...2999).contains($0) ? $0 : nil } : nil
        self.init(month: month, day: day, year: year,
                  weekday: Self.pinnedWeekday(month: month, day: day, in: paragraphs))
    }

    /// The month, day and year of a dateline at the start of `paragraph`: a place in capitals,
    /// a comma, perhaps a region in capitalised words and a comma, a month (full, or abbreviated with or without its dot) and a day, optionally a
    /// comma and a four-digit year, then an agency in parentheses and a dash ("WASHINGTON, March
    /// 10 (Reuters) -", "LONDON, Jan. 5, 2024 (AP) —"); nil otherwise.
    ///
    /// - Complexity: O(1): only the first 160 characters are looked at.
    static func dateline(_ paragraph: String) -> (month: Int, day: Int, year: Int?)? {
        let head = paragraph.prefix(160)
        guard head.first?.isUppercase == true, let open = head.firstIndex(of: "("),
              let close = head[open...].firstIndex(of: ")") else { return nil }
        let after = head[head.index(after: close)...].drop { $0 == " " }
        guard let dash = after.first, "-–—".contains(dash) else { return nil }
        let before = head[..<open]
        guard let comma = before.firstIndex(of: ",") else { return nil }
        let place = before[..<comma]
        guard !place.isEmpty, !place.contains(where: \.isLowercase) else { return nil }
        let words = before[before.index(after: comma)...]
            .split(whereSeparator: { $0 == " " || $0 == "," })
            .map { $0.replacingOccurrences(of: ".", with: "") }
        // The date ends the dateline: after a region in capitalised words ("SAN JUAN, Puerto
        // Rico, March 10"), a month and a day, and perhaps a year.
        let printsYear = words.count >= 3 && words[words.count - 1].count == 4 && Int(words[words.count - 1]) != nil
        let monthIndex = words.count - (printsYear ? 3 : 2)
        guard monthIndex >= 0, let month = DateResolution.monthNumbers[words[monthIndex].lowercased()],
              let day = Int(words[monthIndex + 1]), (1...31).contains(day),
              words[..<monthIndex].allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        if printsYear, let year = Int(words[words.count - 1]) { return (month, day, year) }
        return (month, day, nil)
    }

    /// The weekday of the day `month`/`day` that the story's weekday-and-date pairs ("Thursday,
    /// March 11", "Friday, 12 March") within 31 days of it give, all agreeing; nil otherwise, or
    /// when a pair is so far that a leap day would change the answer.
    ///
    /// - Complexity: O(n) in the characters of the paragraphs.
    static func pinnedWeekday(month: Int, day: Int, in paragraphs: [String]) -> Int? {
        var found: Int?
        for paragraph in paragraphs {
            let words = paragraph.split(separator: " ").map {
                $0.lowercased().filter { $0.isLetter || $0.isNumber }
            }
            for index in words.indices where index + 2 < words.count {
                guard let weekday = DateResolution.weekdayNumbers[words[index]] else { continue }
                let pair: (Int, Int)?
                if let other = DateResolution.monthNumbers[words[index + 1]], let number = dayNumber(words[index + 2]) {
                    pair = (other, number)
                } else if let number = dayNumber(words[index + 1]), let other = DateResolution.monthNumbers[words[index + 2]] {
                    pair = (other, number)
                } else {
                    pair = nil
                }
                guard let (otherMonth, otherDay) = pair,
                      let offset = offset(from: (month, day), to: (otherMonth, otherDay)), abs(offset) <= 31 else { continue }
                let mine = ((weekday - 1 - offset) % 7 + 7) % 7 + 1
                if let found, found != mine { return nil }
                found = mine
            }
        }
        return found
    }

    static func dayNumber(_ word: String) -> Int? {
        var text = Substring(word)
        for ending in ["st", "nd", "rd", "th"] where text.hasSuffix(ending) { text = text.dropLast(2) }
        return Int(text).flatMap { (1...31).contains($0) ? $0 : nil }
    }

    /// Days from one month/day to the nearest other (either way, across a new year), the same
    /// in a leap year and in a common one; nil when the two disagree or a day does not exist.
    static func offset(from a: (Int, Int), to b: (Int, Int)) -> Int? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        var answers: [Int] = []
        for year in [2401, 2404] {
            guard let start = calendar.date(from: DateComponents(year: year, month: a.0, day: a.1)),
                  calendar.component(.day, from: start) == a.1 else { return nil }
            var best: Int?
            for other in [year - 1, year, year + 1] {
                guard let end = calendar.date(from: DateComponents(year: other, month: b.0, day: b.1)),
                      calendar.component(.day, from: end) == b.1,
                      let days = calendar.dateComponents([.day], from: start, to: end).day else { continue }
                if best.map({ abs(days) < abs($0) }) ?? true { best = days }
            }
            guard let best else { return nil }
            answers.append(best)
        }
        return answers.allSatisfy { $0 == answers.first } ? answers.first : nil
    }

    /// The reference a relative date of this version is resolved against: noon UTC of the
    /// dateline day, in the dateline's year, else in `year` (from a revision time; the year
    /// whose dateline day is nearest that time), else in a stand-in year of the 2400s whose
    /// weekday for that day is the one the story gives; nil when no weekday is known.
    /// `yearKnown` is false for the stand-in, whose year must not be printed
    /// (`DateResolution.resolve(_:against:)`).
    ///
    /// - Complexity: O(1).
    public func reference(near time: Date? = nil) -> DateResolution.Reference? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        func noon(_ year: Int) -> Date? {
            guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
                  calendar.component(.day, from: date) == day else { return nil }
            return date
        }
        if let year, let date = noon(year) { return DateResolution.Reference(date: date, yearKnown: true) }
        if let time {
            let near = calendar.component(.year, from: time)
            let candidates = [near - 1, near, near + 1].compactMap(noon)
            if let nearest = candidates.min(by: { abs($0.timeIntervalSince(time)) < abs($1.timeIntervalSince(time)) }) {
                return DateResolution.Reference(date: nearest, yearKnown: true)
            }
        }
        guard let weekday else { return nil }
        for year in 2400...2427 {
            guard let date = noon(year), calendar.component(.weekday, from: date) == weekday else { continue }
            return DateResolution.Reference(date: date, yearKnown: false)
        }
        return nil
    }
}
