/// Clock times as a sentence prints them ("9:40 a.m.", "9 p.m. EDT", "21:40", "0800 GMT",
/// "noon", "no earlier than 5 p.m.") and the one form they compare in (docs/diff/claims.md).
enum ClockTime {
    /// "a.m.", "pm", ...: what follows an hour of a twelve-hour clock.
    static let meridiems: Set<String> = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]

    /// Time-zone abbreviations, each with the family it compares in: a daylight and a standard
    /// name of one zone are the same clock ("EDT", "EST", "ET"); an unknown capitalised word
    /// after a time is not taken.
    static let zones: [String: String] = [
        "ET": "ET", "EST": "ET", "EDT": "ET", "CT": "CT", "CST": "CT", "CDT": "CT", "MT": "MT", "MST": "MT",
        "MDT": "MT", "PT": "PT", "PST": "PT", "PDT": "PT", "AKST": "AKT", "AKDT": "AKT", "HST": "HT", "GMT": "UTC",
        "UTC": "UTC", "BST": "UK", "CET": "CET", "CEST": "CET", "EET": "EET", "EEST": "EET", "WET": "WET",
        "WEST": "WET", "MSK": "MSK", "IST": "IST", "JST": "JST", "KST": "KST", "HKT": "HKT", "SGT": "SGT",
        "AEST": "AET", "AEDT": "AET", "NZST": "NZT", "NZDT": "NZT",
    ]

    /// Words before a time that bound it rather than say it, each with the bound they mean: "no
    /// later than 5 p.m." is "by 5 p.m.", not a negation.
    static let bounds: [(phrase: [String], meaning: String)] = [
        (["no", "later", "than"], "by"), (["not", "later", "than"], "by"), (["no", "earlier", "than"], "from"),
        (["not", "earlier", "than"], "from"), (["no", "sooner", "than"], "from"), (["by"], "by"),
        (["before"], "before"), (["after"], "after"), (["until"], "until"), (["till"], "until"),
        (["since"], "since"),
    ]

    /// The time starting at word `index`, as printed (with its bound and zone) and the words it
    /// takes; nil when no time starts there. `lower` holds the sentence's words without
    /// surrounding punctuation, in lower case; `bare` the same in their own case.
    ///
    /// - Complexity: O(1): a fixed look at the word, the two after it and the three before it.
    static func time(at index: Int, bare: [String], lower: [String]) -> (text: String, end: Int)? {
        let word = lower[index]
        var end = index + 1
        var printed: [String] = [bare[index]]
        if word == "noon" || word == "midnight" {
            // Taken only as a time: "noon" or "midnight" alone, not "midnight blue".
        } else if word.utf8.contains(0x3A), minutes(of: word) != nil {
            if end < lower.count, meridiems.contains(lower[end]) {
                printed.append(bare[end])
                end += 1
            }
        } else if word.utf8.count <= 2, let hour = Int(word), (1...12).contains(hour), end < lower.count,
                  meridiems.contains(lower[end]) || lower[end] == "o'clock" || lower[end] == "o’clock" {
            printed.append(bare[end])
            end += 1
        } else if end < bare.count, zones[bare[end]] != nil, military(word) != nil {
            // "(0800 GMT)": the wire's 24-hour clock, always with its zone.
        } else {
            return nil
        }
        if end < bare.count, zones[bare[end]] != nil {
            printed.append(bare[end])
            end += 1
        }
        if let bound = bound(before: index, lower: lower) {
            printed.insert(contentsOf: lower[(index - bound.phrase.count)..<index], at: 0)
        }
        return (printed.joined(separator: " "), end)
    }

    /// The bound phrase that ends just before word `index`, longest first.
    static func bound(before index: Int, lower: [String]) -> (phrase: [String], meaning: String)? {
        for bound in bounds where index >= bound.phrase.count {
            if lower[(index - bound.phrase.count)..<index].elementsEqual(bound.phrase) { return bound }
        }
        return nil
    }

    /// "9:40" -> (9, 40), "21:05:30" -> (21, 5): an hour of at most two digits up to 24, then
    /// minutes of two digits below 60; nil otherwise.
    static func minutes(of word: String) -> (hour: Int, minute: Int)? {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, (1...2).contains(parts[0].count),
              parts.dropFirst().allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
              hour <= 24, minute < 60, parts[0].allSatisfy(\.isASCII) else { return nil }
        return (hour, minute)
    }

    /// "0800" -> (8, 0), "1430" -> (14, 30): four digits of a 24-hour clock; nil otherwise.
    static func military(_ word: String) -> (hour: Int, minute: Int)? {
        guard word.utf8.count == 4, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(word),
              value / 100 <= 23, value % 100 < 60 else { return nil }
        return (value / 100, value % 100)
    }

    /// The form a printed time compares in: the bound's meaning, the 24-hour clock and the
    /// zone's family after an `@` ("no later than 5 p.m. EDT" -> "by 17:00@ET"); nil when the
    /// text is not a time.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func resolve(_ text: String) -> String? {
        var words = text.split(separator: " ").map(String.init)
        var zone = ""
        if let last = words.last, let family = zones[last] {
            zone = "@" + family
            words.removeLast()
        }
        var lower = words.map { $0.lowercased() }
        var meaning = ""
        if let first = lower.indices.first(where: { index in
            ["noon", "midnight"].contains(lower[index]) || Int(lower[index]) != nil || minutes(of: lower[index]) != nil
        }), first > 0 {
            guard let bound = bound(before: first, lower: lower) else { return nil }
            meaning = bound.meaning + " "
            lower.removeFirst(first)
        }
        guard let word = lower.first else { return nil }
        var hour: Int
        var minute = 0
        if word == "noon" {
            hour = 12
        } else if word == "midnight" {
            hour = 0
        } else if let clock = minutes(of: word) {
            (hour, minute) = clock
        } else if !zone.isEmpty, let clock = military(word) {
            (hour, minute) = clock
        } else if let whole = Int(word), lower.count > 1,
                  meridiems.contains(lower[1]) || lower[1] == "o'clock" || lower[1] == "o’clock" {
            hour = whole
        } else {
            return nil
        }
        if lower.count > 1 {
            let meridiem = String(lower[1].filter { $0 != "." })
            if meridiem == "pm", hour < 12 { hour += 12 }
            if meridiem == "am", hour == 12 { hour = 0 }
        }
        return meaning + String(hour / 10) + String(hour % 10) + ":" + String(minute / 10) + String(minute % 10) + zone
    }

    /// Whether two resolved times (`resolve(_:)`) are the same time: the same text, or the same
    /// clock where only one of them names its zone ("9:40 a.m." and "9:40 a.m. ET").
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let zoneA = a.firstIndex(of: "@")
        let zoneB = b.firstIndex(of: "@")
        switch (zoneA, zoneB) {
        case (let cut?, nil): return a[..<cut] == b
        case (nil, let cut?): return b[..<cut] == a
        default: return false
        }
    }
}
