/// The regular expressions of the wire conventions that every wire story meets (its dateline,
/// time lines, byline, credit line and advisory brackets), matched by hand so that reading a
/// wire story never sets up ICU's regular-expression engine (8 million instructions, the
/// largest part of a short `record`; docs/decisions/0025). Each gives exactly what its
/// expression (kept beside it, in the type that uses it) gives, with ICU's meaning of `\s`
/// (Unicode's White_Space) and `\d` (\p{Nd}); `WireMatchersTests` checks each against ICU on
/// generated lines. Where a case-insensitive expression meets a character outside ASCII, the
/// matcher declines (nil) and the expression decides.
enum WireMatchers {
    /// ICU's `\s`: Unicode's White_Space (tab to carriage return, space, next line, no-break
    /// space, the separators).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// ICU's `\d`: a decimal digit of any script.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        return scalar.properties.generalCategory == .decimalNumber
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) }
    static func isLower(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { isUpper(scalar) || isLower(scalar) }

    /// The end of a run of `\s` from `start`.
    static func spaces(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < s.count, isSpace(s[end]) { end += 1 }
        return end
    }

    // MARK: Advisory brackets: \(([^()]*)\)

    /// The text inside each innermost pair of brackets, left to right.
    ///
    /// - Complexity: O(n).
    static func bracketed(_ text: String) -> [String] {
        var result: [String] = []
        var open: String.UnicodeScalarView.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "(" {
                open = index
            } else if scalar == ")", let start = open {
                result.append(String(scalars[scalars.index(after: start)..<index]))
                open = nil
            }
            index = scalars.index(after: index)
        }
        return result
    }

    // MARK: Dateline

    struct Dateline {
        let place: String
        let date: String?
        let agency: String
        /// Where the story's text starts (after the dash and the spaces).
        let end: String.Index
    }

    /// `^([A-Z][A-Z.'’ -]*[A-Z.](?:,\s[A-Z][A-Za-z.'’ ]+)*?)(?:,\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s+\(([A-Za-z][A-Za-z .&-]{0,30})\)\s*[-–—]+\s*`,
    /// with its backtracking: the place's run of capitals as long as it can be, then as few
    /// ", Place" parts as let the rest match, the date if it can be read.
    ///
    /// - Complexity: O(n²) at worst for a first paragraph of n characters (each position is
    ///   tried once as the end of the place, each with a run of up to n); a real dateline is
    ///   found in O(n).
    static func dateline(_ paragraph: String) -> Dateline? {
        let s = Array(paragraph.unicodeScalars)
        guard let first = s.first, isUpper(first) else { return nil }
        var failed = Set<Int>()
        func inPlaceRun(_ c: Unicode.Scalar) -> Bool {
            isUpper(c) || c == "." || c == "'" || c == "’" || c == " " || c == "-"
        }
        var runEnd = 1
        while runEnd < s.count, inPlaceRun(s[runEnd]) { runEnd += 1 }
        // [A-Z.'’ -]* takes s[1..<e], then [A-Z.] takes s[e]; the longest e first.
        var e = min(runEnd, s.count - 1)
        while e >= 1 {
            if isUpper(s[e]) || s[e] == "." {
                if let found = places(s, from: e + 1, failed: &failed) {
                    return found.dateline(in: paragraph, scalars: s)
                }
            }
            e -= 1
        }
        return nil
    }

    private struct Found {
        let placeEnd: Int
        let date: Range<Int>?
        let agency: Range<Int>
        let end: Int

        func dateline(in paragraph: String, scalars s: [Unicode.Scalar]) -> Dateline {
            func text(_ range: Range<Int>) -> String {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: s[range])
                return String(out)
            }
            let scalars = paragraph.unicodeScalars
            return Dateline(place: text(0..<placeEnd), date: date.map(text), agency: text(agency),
                            end: scalars.index(scalars.startIndex, offsetBy: end))
        }
    }

    /// `(?:,\s[A-Z][A-Za-z.'’ ]+)*?` then the rest: no part first, then one more at a time.
    /// What follows a position does not depend on how it was reached, so a position that
    /// failed once is not tried again (`failed`): each is tried once.
    private static func places(_ s: [Unicode.Scalar], from position: Int, failed: inout Set<Int>) -> Found? {
        guard !failed.contains(position) else { return nil }
        defer { failed.insert(position) }
        if let found = afterPlace(s, from: position, placeEnd: position) { return found }
        guard position + 2 < s.count, s[position] == ",", isSpace(s[position + 1]), isUpper(s[position + 2]) else {
            return nil
        }
        func inPart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c == "." || c == "'" || c == "’" || c == " " }
        var partEnd = position + 3
        while partEnd < s.count, inPart(s[partEnd]) { partEnd += 1 }
        // [A-Za-z.'’ ]+ needs one character; the longest first.
        var end = partEnd
        while end >= position + 4 {
            if let found = places(s, from: end, failed: &failed) { return found }
            end -= 1
        }
        return nil
    }

    /// The date if it is there (`(?:,\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}))?`), then the agency.
    private static func afterPlace(_ s: [Unicode.Scalar], from position: Int, placeEnd: Int) -> Found? {
        if position < s.count, s[position] == "," {
            var i = spaces(s, from: position + 1)
            if i > position + 1, i < s.count, isUpper(s[i]) {
                let dateStart = i
                i += 1
                var letters = 0
                while i < s.count, isLower(s[i]), letters < 8 {
                    i += 1
                    letters += 1
                }
                if letters >= 2 {
                    if i < s.count, s[i] == "." { i += 1 }
                    let afterSpaces = spaces(s, from: i)
                    if afterSpaces > i {
                        var digitEnd = afterSpaces
                        while digitEnd < s.count, digitEnd < afterSpaces + 2, isDigit(s[digitEnd]) { digitEnd += 1 }
                        // \d{1,2}: two digits first, then one.
                        var end = digitEnd
                        while end > afterSpaces {
                            if let found = agency(s, from: end, placeEnd: placeEnd, date: dateStart..<end) {
                                return found
                            }
                            end -= 1
                        }
                    }
                }
            }
        }
        return agency(s, from: position, placeEnd: placeEnd, date: nil)
    }

    /// `\s+\(([A-Za-z][A-Za-z .&-]{0,30})\)\s*[-–—]+\s*`
    private static func agency(_ s: [Unicode.Scalar], from position: Int, placeEnd: Int, date: Range<Int>?) -> Found? {
        let open = spaces(s, from: position)
        guard open > position, open + 1 < s.count, s[open] == "(", isLetter(s[open + 1]) else { return nil }
        func inAgency(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c == " " || c == "." || c == "&" || c == "-" }
        var close = open + 2
        while close < s.count, close < open + 2 + 30, inAgency(s[close]) { close += 1 }
        guard close < s.count, s[close] == ")" else { return nil }
        let dashStart = spaces(s, from: close + 1)
        var dashEnd = dashStart
        while dashEnd < s.count, s[dashEnd] == "-" || s[dashEnd] == "–" || s[dashEnd] == "—" { dashEnd += 1 }
        guard dashEnd > dashStart else { return nil }
        return Found(placeEnd: placeEnd, date: date, agency: (open + 1)..<close, end: spaces(s, from: dashEnd))
    }

    // MARK: Credit line

    /// `^\(?(?i:(additional\s+)?(reporting|writing|editing|compiled|produced)\s+by)\s`; nil
    /// when the line's start holds a character outside ASCII (the expression decides).
    ///
    /// - Complexity: O(1): at most the first few dozen characters are read.
    static func creditLine(_ paragraph: String) -> Bool? {
        let s = Array(paragraph.unicodeScalars.prefix(64))
        guard s.allSatisfy(\.isASCII) else { return nil }
        // A run of spaces that reaches the end of the window leaves the answer to the expression.
        let window = paragraph.unicodeScalars.dropFirst(64).isEmpty ? Int.max : s.count
        var undecided = false
        let lower = s.map { isUpper($0) ? Unicode.Scalar($0.value | 0x20) ?? $0 : $0 }
        var i = 0
        if i < lower.count, lower[i] == "(" { i += 1 }
        func word(_ text: String, at position: Int) -> Int? {
            let scalars = Array(text.unicodeScalars)
            guard position + scalars.count <= lower.count, Array(lower[position..<(position + scalars.count)]) == scalars
            else { return nil }
            return position + scalars.count
        }
        func rest(from position: Int) -> Bool {
            for verb in ["reporting", "writing", "editing", "compiled", "produced"] {
                guard let afterVerb = word(verb, at: position) else { continue }
                let by = spaces(lower, from: afterVerb)
                if by >= window { undecided = true }
                guard by > afterVerb, let afterBy = word("by", at: by) else { continue }
                if afterBy >= window { undecided = true }
                guard afterBy < lower.count, isSpace(lower[afterBy]) else { continue }
                return true
            }
            return false
        }
        if let afterAdditional = word("additional", at: i) {
            let next = spaces(lower, from: afterAdditional)
            if next >= window { return nil }
            if next > afterAdditional, rest(from: next) { return true }
        }
        if rest(from: i) { return true }
        return undecided ? nil : false
    }

    // MARK: Time lines

    /// `^(?i)(published|updated|last updated|posted)(?: on)?:?\s+(.+)$`: the label as printed
    /// and the value; `.some(nil)` for no match, nil when the line holds a character outside
    /// printable ASCII (the expression decides).
    ///
    /// - Complexity: O(n).
    static func timeLine(_ line: String) -> (label: String, value: String)?? {
        let s = Array(line.unicodeScalars)
        guard s.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { return nil }
        let lower = s.map { isUpper($0) ? Unicode.Scalar($0.value | 0x20) ?? $0 : $0 }
        func has(_ text: String, at position: Int) -> Bool {
            let scalars = Array(text.unicodeScalars)
            return position + scalars.count <= lower.count && Array(lower[position..<(position + scalars.count)]) == scalars
        }
        guard let label = ["published", "updated", "last updated", "posted"].first(where: { has($0, at: 0) }) else {
            return .some(nil)
        }
        let afterLabel = label.unicodeScalars.count
        func value(from position: Int) -> String? {
            var i = position
            if i < s.count, s[i] == ":" { i += 1 }
            let valueStart = spaces(s, from: i)
            guard valueStart > i else { return nil }
            // (.+)$ after greedy spaces; a line that ends in spaces gives back the last one.
            if valueStart < s.count { return text(s[valueStart...]) }
            return valueStart - i >= 2 ? " " : nil
        }
        let printedLabel = text(s[0..<afterLabel])
        if has(" on", at: afterLabel), let found = value(from: afterLabel + 3) { return .some((printedLabel, found)) }
        if let found = value(from: afterLabel) { return .some((printedLabel, found)) }
        return .some(nil)
    }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // Encoded into one byte buffer: appending scalars to a string view costs thousands of
        // instructions a call.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: ISO 8601 times

    /// `^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$`:
    /// the seven groups; `.some(nil)` for no match, nil when the text holds a character outside
    /// printable ASCII (the expression decides).
    ///
    /// - Complexity: O(n).
    static func isoTime(_ text: String) -> [String?]?? {
        let s = Array(text.unicodeScalars)
        guard s.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { return nil }
        func digits(_ count: Int, at position: Int) -> Bool {
            position + count <= s.count && s[position..<(position + count)].allSatisfy(isDigit)
        }
        func group(_ range: Range<Int>) -> String { Self.text(s[range]) }
        guard digits(4, at: 0), s.count > 4, s[4] == "-", digits(2, at: 5), s.count > 7, s[7] == "-", digits(2, at: 8)
        else { return .some(nil) }
        var groups: [String?] = [group(0..<4), group(5..<7), group(8..<10), nil, nil, nil, nil]
        /// `\s*(zone)?$` from `position`.
        func zoneAndEnd(_ position: Int) -> String?? {
            let start = spaces(s, from: position)
            if start == s.count { return .some(nil) }
            for name in ["Z", "UTC", "GMT"] where Self.text(s[start...]) == name { return .some(name) }
            if s[start] == "+" || s[start] == "-", digits(2, at: start + 1) {
                var i = start + 3
                if i < s.count, s[i] == ":" { i += 1 }
                if digits(2, at: i), i + 2 == s.count { return .some(group(start..<s.count)) }
            }
            return nil
        }
        // The time first, if there is one; then without it.
        if s.count > 10, s[10] == "T" || s[10] == " ", digits(2, at: 11), s.count > 13, s[13] == ":", digits(2, at: 14) {
            var i = 16
            var seconds: String?
            if i < s.count, s[i] == ":", digits(2, at: i + 1) {
                seconds = group((i + 1)..<(i + 3))
                i += 3
                if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
                    i += 1
                    while i < s.count, isDigit(s[i]) { i += 1 }
                }
            }
            if let zone = zoneAndEnd(i) {
                groups[3] = group(11..<13)
                groups[4] = group(14..<16)
                groups[5] = seconds
                groups[6] = zone
                return .some(groups)
            }
        }
        guard let zone = zoneAndEnd(10) else { return .some(nil) }
        groups[6] = zone
        return .some(groups)
    }

    // MARK: Byline separators: ,?\s+and\s+

    /// The byline with each ", and " / " and " (and the spaces around it) made one comma;
    /// nil when it holds a character outside printable ASCII (the expression decides).
    ///
    /// - Complexity: O(n).
    static func commasForAnd(_ text: String) -> String? {
        let s = Array(text.unicodeScalars)
        guard s.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { return nil }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            var j = i
            if s[j] == "," { j += 1 }
            let word = spaces(s, from: j)
            if word > j, word + 3 <= s.count, s[word] == "a", s[word + 1] == "n", s[word + 2] == "d" {
                let after = spaces(s, from: word + 3)
                if after > word + 3 {
                    out.append(",")
                    i = after
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }
}
