/// "Reporting by ...; Editing by ..." and its variants: credits, not story text.
enum CreditLine {
    static let pattern = Pattern(#"^\(?(?i:(additional\s+)?(reporting|writing|editing|compiled|produced)\s+by)\s"#)

    static let openings = ["additional", "reporting", "writing", "editing", "compiled", "produced"]

    static func matches(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count <= 600, let first = paragraph.first, "(ARWECParwecp".contains(first) else {
            return false
        }
        // Most paragraphs fail on their first word: only those starting with one of the
        // pattern's words go to the regular expression.
        let head = paragraph.utf8.drop { $0 == UInt8(ascii: "(") }.prefix(10)
        let letters = head.prefix { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        let word = String(decoding: letters, as: UTF8.self).lowercased()
        guard openings.contains(word) else { return false }
        return WireMatchers.creditLine(paragraph) ?? (pattern.firstMatch(in: paragraph) != nil)
    }
}
