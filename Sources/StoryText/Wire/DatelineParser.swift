/// "WASHINGTON, March 10 (Reuters) - " at the start of the first paragraph.
enum DatelineParser {
    static let pattern = Pattern(#"^([A-Z][A-Z.'’ -]*[A-Z.](?:,\s[A-Z][A-Za-z.'’ ]+)*?)(?:,\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s+\(([A-Za-z][A-Za-z .&-]{0,30})\)\s*[-–—]+\s*"#)

    static func split(_ paragraph: String) -> (Dateline, String)? {
        // `pattern`, matched by hand (`WireMatchers.dateline`, checked against it by the tests).
        guard paragraph.first?.isUppercase == true, let match = WireMatchers.dateline(paragraph) else { return nil }
        let rest = String(paragraph[match.end...])
        guard !rest.isEmpty else { return nil }
        return (Dateline(place: match.place, date: match.date, agency: match.agency), rest)
    }
}
