/// Finds the encoding of an HTML page before it is decoded, as browsers do: a byte-order mark
/// first, then the charset a `<meta>` element declares, found by the HTML standard's prescan
/// ("prescan a byte stream to determine its encoding"). docs/reading.md, "Decoding".
enum CharsetSniffer {
    /// How far into the page a declaration may start. A tag that starts inside the window is
    /// read to its end, wherever that is.
    static let window = 1024

    /// The encoding a byte-order mark names, with the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (encoding: Encoding, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    /// The encoding the page declares in a `<meta charset>` or `<meta http-equiv="Content-Type"
    /// content="...; charset=...">` that starts in its first 1,024 bytes, skipping comments and
    /// the attributes of other tags. A label the Encoding Standard does not know is ignored and
    /// the scan goes on; a declared UTF-16 is read as UTF-8 (the page's bytes were ASCII enough
    /// to declare it), as the standard says.
    ///
    /// - Complexity: O(w + t) for the window's w bytes and the length t of a tag that runs past it.
    static func declaredEncoding(_ bytes: [UInt8]) -> Encoding? {
        var scanner = Prescan(bytes: bytes)
        return scanner.run()
    }

    /// The charset in a `content` attribute such as `text/html; charset=utf-8` (the HTML
    /// standard's "extracting a character encoding from a meta element"); the value is lowered.
    static func charset(inContent content: [UInt8]) -> Encoding? {
        let word = Array("charset".utf8)
        var position = 0
        while true {
            guard let found = find(word, in: content, from: position) else { return nil }
            position = found + word.count
            while position < content.count, Encoding.isASCIIWhitespace(content[position]) { position += 1 }
            guard position < content.count, content[position] == UInt8(ascii: "=") else { continue }
            position += 1
            while position < content.count, Encoding.isASCIIWhitespace(content[position]) { position += 1 }
            guard position < content.count else { return nil }
            let first = content[position]
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                let start = position + 1
                guard let end = content[start...].firstIndex(of: first) else { return nil }
                return Encoding.forLabel(String(decoding: content[start..<end], as: UTF8.self))
            }
            let end = content[position...].firstIndex { Encoding.isASCIIWhitespace($0) || $0 == UInt8(ascii: ";") }
            return Encoding.forLabel(String(decoding: content[position..<(end ?? content.count)], as: UTF8.self))
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// The HTML standard's prescan over a page's bytes.
private struct Prescan {
    private enum Attribute {
        case attribute(name: [UInt8], value: [UInt8])
        /// The tag's `>`, left at the position.
        case tagEnd
        /// The input ended inside the tag: the prescan stops.
        case inputEnd
    }

    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func run() -> Encoding? {
        while position < min(bytes.count, CharsetSniffer.window) {
            if matches("<!--") {
                guard let end = index(of: "-->", from: position + 2) else { return nil }
                position = end + 3
            } else if matchesLowered("<meta"), let next = byte(at: position + 5), isSpaceOrSlash(next) {
                position += 6
                switch meta() {
                case .some(.some(let encoding)): return encoding
                case .some(.none): position += 1
                case .none: return nil
                }
            } else if byte(at: position) == UInt8(ascii: "<"), let first = byte(at: position + 1),
                      isLetter(first) || (first == UInt8(ascii: "/") && byte(at: position + 2).map(isLetter) == true) {
                position += 1
                while let current = byte(at: position), !Encoding.isASCIIWhitespace(current),
                      current != UInt8(ascii: ">") {
                    position += 1
                }
                attributes: while true {
                    switch nextAttribute() {
                    case .attribute: continue
                    case .tagEnd: break attributes
                    case .inputEnd: return nil
                    }
                }
                position += 1
            } else if matches("<!") || matches("</") || matches("<?") {
                guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                position = end + 1
            } else {
                position += 1
            }
        }
        return nil
    }

    /// The attributes of one `<meta>` element, leaving the position at its `>`. Nil when the
    /// input ends inside it; `.some(nil)` when it declares no encoding the standard accepts.
    private mutating func meta() -> Encoding?? {
        var seen: Set<[UInt8]> = []
        var gotPragma = false
        var needPragma: Bool?
        var charset: Encoding?
        attributes: while true {
            switch nextAttribute() {
            case .inputEnd: return nil
            case .tagEnd: break attributes
            case .attribute(let name, let value):
                guard seen.insert(name).inserted else { continue }
                switch String(decoding: name, as: UTF8.self) {
                case "http-equiv":
                    if value.elementsEqual("content-type".utf8) { gotPragma = true }
                case "content":
                    if charset == nil, let found = CharsetSniffer.charset(inContent: value) {
                        charset = found
                        needPragma = true
                    }
                case "charset":
                    charset = Encoding.forLabel(String(decoding: value, as: UTF8.self))
                    needPragma = false
                default:
                    break
                }
            }
        }
        guard let needPragma, !needPragma || gotPragma, let charset else { return .some(nil) }
        if charset == .utf16LittleEndian || charset == .utf16BigEndian { return .utf8 }
        return charset
    }

    /// The standard's "get an attribute"; names and values are lowered.
    private mutating func nextAttribute() -> Attribute {
        while let current = byte(at: position), Encoding.isASCIIWhitespace(current) || current == UInt8(ascii: "/") {
            position += 1
        }
        guard let first = byte(at: position) else { return .inputEnd }
        if first == UInt8(ascii: ">") { return .tagEnd }
        var name: [UInt8] = []
        while true {
            guard let current = byte(at: position) else { return .inputEnd }
            if current == UInt8(ascii: "="), !name.isEmpty {
                position += 1
                return attributeValue(name: name)
            }
            if Encoding.isASCIIWhitespace(current) { break }
            if current == UInt8(ascii: "/") || current == UInt8(ascii: ">") { return .attribute(name: name, value: []) }
            name.append(lowered(current))
            position += 1
        }
        // Spaces between the name and a possible `=`.
        while let current = byte(at: position), Encoding.isASCIIWhitespace(current) { position += 1 }
        guard let current = byte(at: position) else { return .inputEnd }
        guard current == UInt8(ascii: "=") else { return .attribute(name: name, value: []) }
        position += 1
        return attributeValue(name: name)
    }

    private mutating func attributeValue(name: [UInt8]) -> Attribute {
        var value: [UInt8] = []
        while let current = byte(at: position), Encoding.isASCIIWhitespace(current) { position += 1 }
        guard let first = byte(at: position) else { return .inputEnd }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            position += 1
            while true {
                guard let current = byte(at: position) else { return .inputEnd }
                position += 1
                if current == first { return .attribute(name: name, value: value) }
                value.append(lowered(current))
            }
        }
        if first == UInt8(ascii: ">") { return .attribute(name: name, value: []) }
        while true {
            guard let current = byte(at: position) else { return .inputEnd }
            if Encoding.isASCIIWhitespace(current) || current == UInt8(ascii: ">") {
                return .attribute(name: name, value: value)
            }
            value.append(lowered(current))
            position += 1
        }
    }

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func matches(_ literal: String) -> Bool {
        bytes[position...].starts(with: literal.utf8)
    }

    private func matchesLowered(_ literal: String) -> Bool {
        bytes[position...].prefix(literal.utf8.count).map(lowered).elementsEqual(literal.utf8)
    }

    private func index(of literal: String, from start: Int) -> Int? {
        let needle = Array(literal.utf8)
        guard start < bytes.count else { return nil }
        return bytes[start...].indices.first { bytes[$0...].starts(with: needle) }
    }

    private func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private func isSpaceOrSlash(_ byte: UInt8) -> Bool { Encoding.isASCIIWhitespace(byte) || byte == 0x2F }
}
