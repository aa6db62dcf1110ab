import Foundation

/// Empties the code inside `<script>` and `<style>` elements before the page goes to libxml2:
/// about a third of a news page's bytes are inline code that no reader ever sees, and libxml2
/// reads it a character at a time. Each element ends where the HTML standard's tokenizer ends
/// it: at the first `</style`, and at the first `</script` outside a double-escaped stretch
/// (`<!--<script>` inside a script; libxml2 alone would end it sooner); the start and end
/// tags stay, so the tree has the same elements. JSON-LD scripts (`type` holding `ld+json`), which
/// carry the page's metadata, are kept whole; `<textarea>` content (form text) is emptied too;
/// comments and the raw-text elements `<title>` and `<xmp>` are copied through unread, so a
/// `<script` inside them starts nothing. In the same pass, each start tag loses the attributes
/// the reader never reads (`UnreadAttributes`), for as long as the markup reads as libxml2 reads it.
///
/// - Complexity: O(n) in the page's bytes.
enum ScriptData {
    static func elide(_ bytes: [UInt8], cuttingUnreadAttributes: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var copied = 0
        let count = bytes.count
        // Unread attributes are cut while the markup is read as libxml2 reads it; at the first
        // thing read otherwise (see `Markup.skip`), they stay for the rest of the page.
        var pruning = cuttingUnreadAttributes && nextByte(0, in: bytes, from: 0) == nil
        while i < count {
            guard let next = nextByte(UInt8(ascii: "<"), in: bytes, from: i) else { break }
            i = next
            // A comment's "<!" is one look: most markup is tags.
            if i + 1 < count, bytes[i + 1] == UInt8(ascii: "!"), starts(bytes, at: i, with: "<!--") {
                let end = find(bytes, "-->", from: i + 4)
                // libxml2 also ends a comment at "--!>".
                if pruning, end.map({ find(bytes, "--!>", from: i + 4, before: $0) != nil }) ?? true { pruning = false }
                i = end.map { $0 + 3 } ?? count
                continue
            }
            guard let name = tagName(bytes, at: i + 1) else {
                if pruning {
                    switch skip(bytes, at: i, into: &out, copied: &copied) {
                    case .some(let end): i = end
                    case nil:
                        pruning = false
                        i += 1
                    }
                } else {
                    i += 1
                }
                continue
            }
            let tagEnd = endOfTag(bytes, from: i + 1 + name.utf8.count)
            let contentEnd = name == "script" ? scriptEnd(bytes, from: tagEnd) : closing(bytes, name, from: tagEnd)
            // A <textarea> is emptied too: its text is never story text, and libxml2 would read
            // a tag inside it as markup (a "<script>" there swallowed the page).
            let jsonLD = name == "script" && containsIgnoringCase(bytes[i..<tagEnd], "ld+json")
            if (name == "script" || name == "style" || name == "textarea"), !jsonLD {
                out.append(contentsOf: bytes[copied..<tagEnd])
                copied = contentEnd
            } else if pruning, name == "script" ? find(bytes, "<!--", from: tagEnd, before: contentEnd) != nil
                        : nextByte(UInt8(ascii: "<"), in: bytes, from: tagEnd, before: contentEnd) != nil {
                // libxml2 reads markup inside <title> and <xmp>, and may end a JSON-LD script
                // holding "<!--" sooner than the tokenizer does.
                pruning = false
            }
            i = max(contentEnd, i + 1)
        }
        out.append(contentsOf: bytes[copied..<count])
        return out
    }

    /// Past the markup at `bytes[index]` (a `<`, not a comment or raw-text element) as libxml2
    /// reads it: a start tag (its unread attributes cut, `UnreadAttributes`, the bytes up to its
    /// end then copied to `out`), an end tag or processing instruction (to the next `>`), a
    /// DOCTYPE, or a `<` that starts nothing. Nil when libxml2 might read it otherwise than this
    /// does (a `<` inside a tag, quotes in a DOCTYPE, a tag left open): pruning stops there, and
    /// every `<` goes on being looked at exactly as without it.
    private static func skip(_ bytes: [UInt8], at index: Int, into out: inout [UInt8], copied: inout Int) -> Int? {
        let count = bytes.count
        guard index + 1 < count else { return index + 1 }
        let next = bytes[index + 1]
        if UnreadAttributes.isLetter(next) {
            let end = bytes.withUnsafeBufferPointer { buffer in
                UnreadAttributes.prune(buffer, tagAt: index, into: &out, copiedFrom: copied)
            }
            if let end { copied = end }
            return end
        }
        let closes: Int?
        if next == UInt8(ascii: "/") {
            guard index + 2 < count, UnreadAttributes.isNameStart(bytes[index + 2]) else { return index + 2 }
            closes = nextByte(UInt8(ascii: ">"), in: bytes, from: index + 2)
        } else if next == UInt8(ascii: "?") {
            guard index + 2 < count else { return index + 2 }
            let first = bytes[index + 2]
            if first >= 0x80 { return nil }
            guard UnreadAttributes.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
            else { return index + 2 }
            closes = nextByte(UInt8(ascii: ">"), in: bytes, from: index + 2)
        } else if starts(bytes, at: index, with: "<!doctype") {
            closes = nextByte(UInt8(ascii: ">"), in: bytes, from: index + 2)
            if let end = closes {
                let quotes = bytes[index..<end].reduce(into: (double: 0, single: 0)) { found, byte in
                    if byte == UInt8(ascii: "\"") { found.double += 1 }
                    if byte == UInt8(ascii: "'") { found.single += 1 }
                }
                if quotes.single > 0 || quotes.double % 2 == 1 { return nil }
            }
        } else {
            return index + 1
        }
        guard let end = closes, nextByte(UInt8(ascii: "<"), in: bytes, from: index + 1, before: end) == nil
        else { return nil }
        return end + 1
    }

    /// Elements whose content the tokenizer reads as text up to their end tag.
    private static let rawText = ["script", "style", "textarea", "title", "xmp"]

    /// The raw-text element whose start tag begins at `index` (just after `<`), if any.
    private static func tagName(_ bytes: [UInt8], at index: Int) -> String? {
        // Most tags start with another letter: one look, not five.
        guard index < bytes.count else { return nil }
        let first = bytes[index] | 0x20
        guard first == UInt8(ascii: "s") || first == UInt8(ascii: "t") || first == UInt8(ascii: "x") else { return nil }
        for name in rawText where starts(bytes, at: index, with: name) {
            let after = index + name.utf8.count
            guard after < bytes.count else { return nil }
            let next = bytes[after]
            if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || isSpace(next) { return name }
        }
        return nil
    }

    /// The index just after the `>` that ends a start tag, quotes respected.
    private static func endOfTag(_ bytes: [UInt8], from index: Int) -> Int {
        var i = index
        var quote: UInt8?
        while i < bytes.count {
            let byte = bytes[i]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    /// Where the element's end tag `</name` starts (followed by a space, `/` or `>`), or the end.
    private static func closing(_ bytes: [UInt8], _ name: String, from index: Int) -> Int {
        var i = index
        while let found = find(bytes, "</", from: i) {
            let after = found + 2 + name.utf8.count
            if starts(bytes, at: found + 2, with: name),
               after >= bytes.count || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/")
                || isSpace(bytes[after]) {
                return found
            }
            i = found + 2
        }
        return bytes.count
    }

    /// Where a script's end tag starts, by the tokenizer's script data states: inside `<!--`
    /// (escaped) a `<script` opens a double-escaped stretch in which `</script` does not end the
    /// element, and `-->` leaves both ("<!--<script>" in a document.write string).
    private static func scriptEnd(_ bytes: [UInt8], from index: Int) -> Int {
        enum State { case data, escaped, doubleEscaped }
        var state = State.data
        var i = index
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "-"), state != .data, starts(bytes, at: i, with: "-->") {
                state = .data
                i += 3
                continue
            }
            guard byte == UInt8(ascii: "<") else {
                i = (state == .data ? nextByte(UInt8(ascii: "<"), in: bytes, from: i + 1) : i + 1) ?? bytes.count
                continue
            }
            if state == .data, starts(bytes, at: i, with: "<!--") {
                state = .escaped
                i += 4
            } else if starts(bytes, at: i, with: "</script"), isDelimiter(bytes, at: i + 8) {
                if state != .doubleEscaped { return i }
                state = .escaped
                i += 8
            } else if state == .escaped, starts(bytes, at: i, with: "<script"), isDelimiter(bytes, at: i + 7) {
                state = .doubleEscaped
                i += 7
            } else {
                i += 1
            }
        }
        return bytes.count
    }

    private static func isDelimiter(_ bytes: [UInt8], at index: Int) -> Bool {
        index >= bytes.count || bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "/") || isSpace(bytes[index])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Whether `bytes` at `index` start with `text` (ASCII, lower case), ignoring ASCII case.
    private static func starts(_ bytes: [UInt8], at index: Int, with text: String) -> Bool {
        var i = index
        for expected in text.utf8 {
            guard i < bytes.count else { return false }
            let byte = bytes[i]
            guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected else { return false }
            i += 1
        }
        return true
    }

    private static func find(_ bytes: [UInt8], _ text: String, from index: Int, before limit: Int? = nil) -> Int? {
        guard let first = text.utf8.first else { return nil }
        var i = index
        while let next = nextByte(first, in: bytes, from: i, before: limit) {
            if starts(bytes, at: next, with: text) { return next }
            i = next + 1
        }
        return nil
    }

    /// The index of the next `byte` at or after `index` (libc's `memchr`, many bytes a step).
    private static func nextByte(_ byte: UInt8, in bytes: [UInt8], from index: Int, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? bytes.count, bytes.count)
        guard index < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + index, Int32(byte), end - index) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private static func containsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        String(decoding: bytes, as: UTF8.self).containsIgnoringASCIICase(text)
    }
}
