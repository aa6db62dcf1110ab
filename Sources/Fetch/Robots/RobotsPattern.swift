/// One `Allow` / `Disallow` path pattern of a robots.txt file, and the paths it is compared with,
/// in the one percent-encoded form RFC 9309 section 2.2.2 compares: bytes outside US-ASCII,
/// controls, space and the characters URIs may not hold are percent-encoded; `%XX` escapes of
/// unreserved characters (`A–Z a–z 0–9 - . _ ~`) are decoded and other escapes written with upper
/// case hex; a `%` that starts no escape is `%25`. So `/foo/bar/%62%61%7A` matches
/// `/foo/bar/baz`, `/foo/bar/ツ` matches `/foo/bar/%E3%83%84`, and `%2F` stays apart from `/`.
///
/// In a pattern `*` matches any run of characters and a final `$` anchors it at the end of the
/// path (RFC 9309 section 2.2.3); a literal `*` or `$` in a path, and `%2A`, `%24` or a `$`
/// before the end in a pattern, are the characters themselves.
struct RobotsPattern: Sendable, Equatable {
    /// The pattern's normalised bytes between its `*` wildcards.
    let segments: [[UInt8]]
    /// Whether the pattern ended with `$`.
    let anchored: Bool
    /// The number of octets of the normalised pattern, wildcards and anchor included: the longer
    /// of two matching rules is the more specific one (RFC 9309 section 2.2.2).
    let specificity: Int

    init(_ pattern: some Collection<UInt8>) {
        var bytes = Array(pattern)
        anchored = bytes.last == UInt8(ascii: "$")
        if anchored { bytes.removeLast() }
        var segments: [[UInt8]] = [[]]
        var wildcards = 0
        Self.normalize(bytes, pattern: true) { byte in
            if let byte {
                segments[segments.count - 1].append(byte)
            } else {
                segments.append([])
                wildcards += 1
            }
        }
        self.segments = segments
        specificity = segments.reduce(0) { $0 + $1.count } + wildcards + (anchored ? 1 : 0)
    }

    /// `path` (a path and query) in the normalised form patterns are compared with.
    ///
    /// - Complexity: O(n) in the bytes.
    static func normalizedPath(_ path: some Collection<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(path.count)
        normalize(Array(path), pattern: false) { byte in
            if let byte { result.append(byte) }
        }
        return result
    }

    /// Whether the pattern matches the start of `path` (all of it, when anchored), `path` being
    /// normalised already.
    ///
    /// - Complexity: O(n·m) at worst in the path's and the pattern's lengths: each segment after
    ///   a wildcard is found at its leftmost place, which is enough for `*`-only globs.
    func matches(_ path: [UInt8]) -> Bool {
        let first = segments[0]
        guard path.starts(with: first) else { return false }
        if segments.count == 1 { return !anchored || path.count == first.count }
        var position = first.count
        let last = segments.count - 1
        for index in 1..<last {
            guard let found = Self.find(segments[index], in: path, from: position) else { return false }
            position = found + segments[index].count
        }
        let tail = segments[last]
        if anchored { return path.count - position >= tail.count && path.suffix(tail.count).elementsEqual(tail) }
        return Self.find(tail, in: path, from: position) != nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        for candidate in start...(haystack.count - needle.count)
        where haystack[candidate] == needle[0] && haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) {
            return candidate
        }
        return nil
    }

    /// Feeds `emit` the normalised bytes of `bytes`, and nil for each wildcard of a pattern.
    private static func normalize(_ bytes: [UInt8], pattern: Bool, _ emit: (UInt8?) -> Void) {
        var index = 0
        func escape(_ byte: UInt8) {
            emit(UInt8(ascii: "%"))
            emit(hexDigits[Int(byte >> 4)])
            emit(hexDigits[Int(byte & 0x0F)])
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "%"):
                if index + 1 < bytes.count, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) {
                    let decoded = high << 4 | low
                    index += 2
                    if isUnreserved(decoded) { emit(decoded) } else { escape(decoded) }
                } else {
                    escape(byte)
                }
            case UInt8(ascii: "*"):
                if pattern { emit(nil) } else { escape(byte) }
            case UInt8(ascii: "$"):
                escape(byte)
            default:
                if byte <= 0x20 || byte >= 0x7F || mustEscape.contains(byte) { escape(byte) } else { emit(byte) }
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    /// ASCII characters RFC 3986 allows in no part of a URI.
    private static let mustEscape = Set("\"<>\\^`{|}".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"): true
        default: false
        }
    }
}
