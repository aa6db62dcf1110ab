import Foundation

/// Splits an advisory line into items. Segments are separated by commas and semicolons (and by
/// "and" when a verb follows it); a segment without a verb takes the previous one, so
/// "(Adds Chinese confirmation of talks, comment)" declares two additions.
enum AdvisoryParser {
    /// Verb forms as editors write them, to their base form. Two-word verbs come first.
    static let verbs: [(String, String)] = [
        ("writes through", "write through"), ("writethru", "write through"), ("adds", "add"), ("add", "add"),
        ("updates", "update"), ("update", "update"), ("recasts", "recast"), ("recast", "recast"),
        ("rewrites", "rewrite"), ("rewrite", "rewrite"), ("corrects", "correct"), ("correct", "correct"),
        ("changes", "change"), ("removes", "remove"), ("deletes", "delete"), ("drops", "drop"),
        ("fixes", "fix"), ("clarifies", "clarify"), ("inserts", "insert"), ("includes", "include"),
        ("moves", "move"), ("refiles", "refile"), ("repeats", "repeat"), ("tops", "top"), ("trims", "trim"),
        ("expands", "expand"), ("restores", "restore"), ("replaces", "replace"), ("amends", "amend"),
        ("withdraws", "withdraw"), ("reorders", "reorder"), ("edits", "edit"), ("combines", "combine"),
        ("revises", "revise"), ("raises", "raise"), ("lowers", "lower"), ("confirms", "confirm"),
        ("overwrites", "overwrite"), ("conforms", "conform"),
    ]

    static let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                           "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12]

    static func items(of line: String) -> [AdvisoryItem] {
        var body = Substring(line.trimmedSpaces)
        if body.hasPrefix("(") { body = body.dropFirst() }
        if body.hasSuffix(")") { body = body.dropLast() }
        var text = String(body).trimmedSpaces
        while text.hasSuffix(".") { text.removeLast() }
        if let colon = editorsNote.firstMatch(in: text) {
            text = String(text[colon.range.upperBound...])
        }
        var items: [AdvisoryItem] = []
        var verb: String?
        for segment in segments(of: text) {
            let (found, rest) = leadingVerb(segment)
            if let found { verb = found }
            let (object, paragraphs) = paragraphReferences(in: rest)
            if object.isEmpty, paragraphs.isEmpty, found == nil { continue }
            items.append(AdvisoryItem(verb: verb, object: object, paragraphs: paragraphs))
        }
        return items
    }

    /// Comma and semicolon separated parts; " and " also separates when a verb follows it.
    static func segments(of text: String) -> [String] {
        var parts: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            var current = String(piece).trimmedSpaces
            while let range = current.byteRange(of: " and "),
                  leadingVerb(String(current[range.upperBound...])).0 != nil {
                parts.append(String(current[..<range.lowerBound]).trimmedSpaces)
                current = String(current[range.upperBound...]).trimmedSpaces
            }
            if current.hasPrefix("and ") { current = String(current.dropFirst(4)) }
            if !current.isEmpty { parts.append(current) }
        }
        return parts
    }

    static func leadingVerb(_ segment: String) -> (String?, String) {
        let lowered = segment.lowercased()
        for (form, base) in verbs where lowered == form || lowered.hasPrefix(form + " ") {
            var rest = String(segment.dropFirst(form.count)).trimmedSpaces
            if rest.lowercased().hasPrefix("with ") { rest = String(rest.dropFirst(5)) }
            return (base, rest)
        }
        return (nil, segment)
    }

    static let bracketed = Pattern(#"\(([^()]*)\)"#)
    static let editorsNote = Pattern(#"^(?i:eds|editors?'?s? note)\s*:\s*"#)
    static let numbered = Pattern(#"(?i)\s*\b(?:in|to|from|at|of)?\s*(?:paragraphs?|paras?|pars?|grafs?|pgphs?)\s+(\d+(?:\s*(?:-|–|to|and|,|&)\s*\d+)*)"#)
    static let ordinal = Pattern(#"(?i)\s*\b(?:in|to|from|at|of)?\s*(?:the\s+)?((?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))(?:\s*,\s*|\s+and\s+|\s*-\s*)?)+)\s*(?:paragraphs?|paras?|grafs?)\b"#)
    static let lead = Pattern(#"(?i)\s*\b(?:in|to|of)\s+(?:the\s+)?(?:lead|lede|intro)\b"#)
    static let range = Pattern(#"(\d+)(?:\s*(?:-|–|to)\s*(\d+))?"#)

    /// Takes "in paragraph 3", "paras 2-4", "paragraphs 5 and 6", "in third paragraph", "lead"
    /// out of an object, returning what is left and the paragraph numbers.
    static func paragraphReferences(in object: String) -> (String, [Int]) {
        var paragraphs: [Int] = []
        var rest = object
        if let match = numbered.firstMatch(in: rest) {
            paragraphs += numbers(in: match[1] ?? "")
            rest.removeSubrange(match.range)
        }
        if let match = ordinal.firstMatch(in: rest) {
            for word in (match[1] ?? "").split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                let key = word.lowercased()
                if let n = ordinals[key] ?? Int(key.filter(\.isNumber)) { paragraphs.append(n) }
            }
            rest.removeSubrange(match.range)
        }
        if let match = lead.firstMatch(in: rest) {
            paragraphs.append(1)
            rest.removeSubrange(match.range)
        }
        let cleaned = rest.trimmedSpaces
        return (cleaned, Array(Set(paragraphs)).sorted())
    }

    /// "3" -> [3]; "3-5" -> [3, 4, 5]; "5 and 6" -> [5, 6].
    static func numbers(in text: String) -> [Int] {
        var result: [Int] = []
        for match in range.matches(in: text) {
            guard let low = match[1].flatMap({ Int($0) }) else { continue }
            let high = match[2].flatMap { Int($0) } ?? low
            guard high >= low, high - low < 100 else { result.append(low); continue }
            result += Array(low...high)
        }
        return result
    }
}
