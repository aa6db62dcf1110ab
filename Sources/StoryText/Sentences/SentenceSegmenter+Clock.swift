/// a.m. and p.m.: a clock time ends a sentence unless what follows goes on with the time
/// ("5 a.m. Tuesday", "8 p.m. ET", "9 a.m. Moscow time", "10 a.m. Jan. 5") or the sentence so far
/// is only a time phrase put first ("At 5 a.m. Mr. Smith went to the bank.").
extension SentenceSegmenter {
    static let weekdays: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Weekday abbreviations: they go on with a time only when a period or comma follows them
    /// ("5 p.m. Tues., March 3"), since some are words too (Sun, Sat, Wed).
    static let weekdayAbbreviations: Set<String> = ["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]

    /// Month names and abbreviations: they go on with a time when a day number follows
    /// ("5 p.m. March 3", "10 a.m. Jan. 5"), since May and March are words too.
    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]

    /// Time-zone abbreviations that do not end in ST or DT (those are recognised by their
    /// shape: EST, PDT, CEST, AEST, NZDT).
    static let timeZones: Set<String> = [
        "ET", "CT", "MT", "PT", "AKT", "HT", "GMT", "UTC", "UT", "CET", "EET", "WET", "MSK", "HKT", "SGT", "ICT", "WIB",
        "PHT", "PKT", "BRT", "JST", "KST", "IST", "SAST", "AST",
    ]

    /// Time-zone names that stand alone after a time ("5 p.m. Eastern").
    static let zoneRegions: Set<String> = ["Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Greenwich"]

    /// Words that can lead a time phrase put first in a sentence ("At 5 a.m.", "Shortly after
    /// 2 p.m.", "Between 9 a.m. and 5 p.m."), lower-cased.
    static let timePhraseWords: Set<String> = [
        "at", "by", "until", "till", "around", "about", "after", "before", "since", "from", "shortly", "just",
        "sometime", "starting", "beginning", "approximately", "roughly", "nearly", "almost", "between", "early",
        "late", "on", "and", "or", "to", "then", "soon",
    ]

    /// Whether `nextWord` (starting at `wordStart`, after a.m. or p.m.) goes on with the time:
    /// a weekday, a month and a day, a time zone ("ET", "GMT", "EDT", "Eastern"), or a place
    /// and "time" ("Moscow time").
    ///
    /// - Complexity: O(1) set look-ups and a scan of the next two words.
    static func continuesTime(_ text: ArraySlice<Unicode.Scalar>, _ nextWord: String, wordStart: Int) -> Bool {
        if nextWord.isEmpty { return false }
        if weekdays.contains(nextWord) || timeZones.contains(nextWord) || zoneRegions.contains(nextWord) { return true }
        if isZoneShape(nextWord) { return true }
        var index = wordStart + nextWord.unicodeScalars.count
        if weekdayAbbreviations.contains(nextWord) {
            return index < text.endIndex && (text[index] == "." || text[index] == ",")
        }
        if months.contains(nextWord) {
            if index < text.endIndex, text[index] == "." { index += 1 }
            while index < text.endIndex, text[index].isBlank { index += 1 }
            return index < text.endIndex && text[index].asciiDigit != nil
        }
        // "9 a.m. Moscow time", "noon Pacific Time"
        guard index < text.endIndex, text[index].isBlank else { return false }
        while index < text.endIndex, text[index].isBlank { index += 1 }
        let following = word(in: text, from: index)
        return following == "time" || following == "Time"
    }

    /// EST, EDT, CEST, AEDT, NZST: three to five capitals ending in ST (standard) or DT
    /// (daylight).
    private static func isZoneShape(_ word: String) -> Bool {
        let scalars = word.unicodeScalars
        guard (3...5).contains(scalars.count), scalars.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) else {
            return false
        }
        return word.hasSuffix("ST") || word.hasSuffix("DT")
    }

    /// Whether the sentence from `start` to the clock abbreviation ending at `terminator` is
    /// only a time phrase put first: it opens with a capitalised phrase word ("At", "By",
    /// "Shortly") and has nothing but phrase words, numbers, clock abbreviations, weekdays and
    /// months ("At 5 a.m.", "Shortly after 2 p.m.", "On Tuesday at 9 a.m."). A sentence never
    /// ends there: "At 5 a.m. Mr. Smith went to the bank." is one sentence.
    ///
    /// - Complexity: O(1): at most eight words and 80 scalars are read.
    static func isFrontedTime(_ text: ArraySlice<Unicode.Scalar>, from start: Int, to terminator: Int) -> Bool {
        guard terminator - start <= 80 else { return false }
        var index = start
        var words = 0
        while index < terminator {
            while index < terminator, text[index].isBlank || openers.contains(text[index]) { index += 1 }
            guard index < terminator else { break }
            let wordStart = index
            while index < terminator, !text[index].isBlank { index += 1 }
            words += 1
            guard words <= 8 else { return false }
            var token = string(text[wordStart..<index])
            while let last = token.last, last == "." || last == "," { token.removeLast() }
            if words == 1 {
                guard text[wordStart].isUppercase, timePhraseWords.contains(token.lowercased()) else { return false }
                continue
            }
            guard text[wordStart].isNumber || timePhraseWords.contains(token.lowercased())
                    || AbbreviationKind(token) == .clock || weekdays.contains(token) || months.contains(token) else {
                return false
            }
        }
        return words >= 2
    }
}
