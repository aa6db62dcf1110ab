/// The kinds of input the reader understands.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    /// Plain or scraped page text: headline line, header lines, paragraphs.
    case text
    /// An HTML page, read with libxml2's HTML parser.
    case html
    /// One JSON object per revision, or JSON Lines holding many.
    case json

    /// Guesses the format from the first bytes: `{` or `[` is JSON; a doctype or an `<html>`,
    /// `<head>`, `<body>`, `<article>`, `<meta>` or `<div>` tag near the top is HTML; anything
    /// else is text.
    ///
    /// - Complexity: O(1): it looks at the first 2 KiB only.
    public static func sniff(_ bytes: [UInt8]) -> InputFormat {
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        let head = bytes[start...].prefix(2048)
        guard let first = head.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            return .text
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        guard first == UInt8(ascii: "<") else { return .text }
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        let markers = ["<!doctype html", "<html", "<head", "<body", "<article", "<meta ", "<div", "<p>", "<title"]
        if first == UInt8(ascii: "<"), markers.contains(where: lowered.contains) { return .html }
        return .text
    }
}
