/// Reads a robots.txt file's records into groups (RFC 9309 section 2.2): a run of `User-agent`
/// lines opens a group, the `Allow`, `Disallow` and `Crawl-delay` lines after it belong to it, and
/// the next `User-agent` line after them opens another. Keys are case-insensitive; comments (`#`
/// to the end of the line), blank lines, `Sitemap` and unknown lines are skipped without ending
/// a group; rules before any `User-agent` line belong to no group; an empty `Allow` or
/// `Disallow` is no rule. Lines end at LF, CR or CRLF; a UTF-8 byte order mark is skipped.
enum RobotsParser {
    /// How much of a file is read: RFC 9309 section 2.5 asks for at least 500 KiB.
    static let limit = 500 * 1024

    /// The groups of `bytes`, in file order. Past `limit` bytes the file is cut at its last
    /// complete line, so a rule is never read half.
    ///
    /// - Complexity: O(n) in the bytes read.
    static func groups(_ bytes: [UInt8]) -> [RobotsGroup] {
        var text = bytes[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        if text.count > limit {
            text = text.prefix(limit)
            if let end = text.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) { text = text[..<end] } else { text = [] }
        }
        var groups: [RobotsGroup] = []
        var inAgentLines = false
        for line in text.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            guard let (key, value) = record(line) else { continue }
            switch key {
            case "user-agent":
                guard let token = RobotsGroup.productToken(String(decoding: value, as: UTF8.self)) else { continue }
                if !inAgentLines { groups.append(RobotsGroup()) }
                groups[groups.count - 1].agents.append(token)
                inAgentLines = true
            case "allow", "disallow":
                guard !groups.isEmpty else { continue }
                inAgentLines = false
                if !value.isEmpty {
                    groups[groups.count - 1].rules.append(RobotsRule(allows: key == "allow", pattern: RobotsPattern(value)))
                }
            case "crawl-delay":
                guard !groups.isEmpty else { continue }
                inAgentLines = false
                if groups[groups.count - 1].crawlDelay == nil, let seconds = Double(String(decoding: value, as: UTF8.self)),
                   seconds.isFinite, seconds >= 0 {
                    groups[groups.count - 1].crawlDelay = seconds
                }
            default:
                continue
            }
        }
        return groups
    }

    /// A line's lower-cased key and trimmed value, nil for a line with no `key:`.
    private static func record(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        let content = line.prefix(while: { $0 != UInt8(ascii: "#") })
        guard let colon = content.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = trim(content[..<colon])
        guard !key.isEmpty else { return nil }
        return (String(decoding: key, as: UTF8.self).lowercased(), trim(content[(colon + 1)...]))
    }

    private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return bytes[first...last]
    }
}
