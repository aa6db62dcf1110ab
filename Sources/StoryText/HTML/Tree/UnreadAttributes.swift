import Foundation

/// The attributes the reader never reads (`src`, `srcset`, `data-*`, `alt`, `onclick`, SVG path
/// data, a link's `href`...), cut out of each start tag before the page goes to libxml2: they are
/// over half of a page's attribute bytes, and libxml2 copies attribute values a character at a
/// time (about 120 instructions a character, entities decoded) into strings nobody reads.
///
/// A start tag is read as libxml2 2.9's HTML parser reads it (`htmlParseStartTag`): the name
/// (ASCII letters, digits, `:`, `-`, `_`, `.`, lower-cased), then attributes separated by
/// optional blanks (space, tab, line feed, carriage return), each a name, optionally `=` and a
/// value in double or single quotes or unquoted up to a blank or `>`; the tag ends at `>` or
/// `/>`. Only a tag read that way is changed, and only by removing whole attributes (name and
/// value; the blanks around them stay), so libxml2 reads the same element with the same kept
/// attributes in the same order. Anything else in a tag (a name that does not start as libxml2
/// requires, a name over 100 characters, a `<` or an unclosed quote) makes `prune` give up on it.
/// `<meta>` keeps every attribute (libxml2 reads its `charset` and `http-equiv`).
enum UnreadAttributes {
    /// Every attribute name the reader reads (`HTMLNode.attribute`, `HTMLAttributes`), lower case.
    /// `href` only on `<link>` (the canonical URL). Reading one not listed here fails an
    /// assertion in debug builds (`HTMLAttributes`), so a new reader cannot miss it.
    static let read: Set<String> = [
        "class", "id", "data-component", "itemprop", "role", "rel", "type", "content", "property", "name",
        "datetime", "pubdate", "hidden", "aria-hidden", "style", "href",
    ]

    /// libxml2's longest tag or attribute name (`HTML_PARSER_BUFFER_SIZE`): longer ones it cuts.
    private static let longestName = 100

    /// The start tag at `bytes[start]` (a `<` followed by an ASCII letter) with its unread
    /// attributes left out, appended to `out` from `copied` on; returns the index just after the
    /// tag, or nil (and appends nothing) when the tag is not one this type reads as libxml2 does.
    ///
    /// - Complexity: O(t) for the tag's t bytes.
    static func prune(_ bytes: UnsafeBufferPointer<UInt8>, tagAt start: Int, into out: inout [UInt8],
                      copiedFrom copied: Int) -> Int? {
        let count = bytes.count
        var j = start + 1
        let nameStart = j
        while j < count, isNameByte(bytes[j]) { j += 1 }
        guard j - nameStart <= longestName else { return nil }
        let keepsAll = j - nameStart == 4 && equalsLowered(bytes, nameStart, "meta")
        let keepsHref = j - nameStart == 4 && equalsLowered(bytes, nameStart, "link")
        j = skipBlanks(bytes, from: j)
        // Copied as the tag is read; taken back if the tag turns out not to be one read so.
        let mark = out.count
        var from = copied
        while true {
            guard j < count else { return undo(&out, mark) }
            let byte = bytes[j]
            if byte == UInt8(ascii: ">") {
                j += 1
                break
            }
            if byte == UInt8(ascii: "/"), j + 1 < count, bytes[j + 1] == UInt8(ascii: ">") {
                j += 2
                break
            }
            guard isNameStart(byte) else { return undo(&out, mark) }
            let attributeStart = j
            while j < count, isNameByte(bytes[j]) { j += 1 }
            let nameEnd = j
            guard nameEnd - attributeStart <= longestName else { return undo(&out, mark) }
            var end = nameEnd
            var k = skipBlanks(bytes, from: nameEnd)
            if k < count, bytes[k] == UInt8(ascii: "=") {
                k = skipBlanks(bytes, from: k + 1)
                guard k < count else { return undo(&out, mark) }
                let quote = bytes[k]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    // Values run long (URLs, class lists): found with memchr, many bytes a step.
                    guard let close = find(quote, in: bytes, from: k + 1, to: count),
                          find(UInt8(ascii: "<"), in: bytes, from: k + 1, to: close) == nil
                    else { return undo(&out, mark) }
                    end = close + 1
                } else {
                    while k < count, !isBlank(bytes[k]), bytes[k] != UInt8(ascii: ">") {
                        guard bytes[k] != UInt8(ascii: "<"), bytes[k] != 0 else { return undo(&out, mark) }
                        k += 1
                    }
                    end = k
                }
            }
            if !keepsAll, !isRead(bytes, attributeStart, nameEnd - attributeStart, hrefToo: keepsHref) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<attributeStart]))
                from = end
            }
            j = skipBlanks(bytes, from: end)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<j]))
        return j
    }

    /// The index of the first `byte` in `bytes[from..<to]` (libc's `memchr`).
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress,
              let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Takes back what `prune` copied of a tag it gives up on.
    private static func undo(_ out: inout [UInt8], _ mark: Int) -> Int? {
        out.removeSubrange(mark...)
        return nil
    }

    /// Whether the attribute name of `length` bytes at `start` (any case) is one of `read`,
    /// picked by length and first letter, then compared.
    private static func isRead(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, hrefToo: Bool) -> Bool {
        let name: StaticString
        switch (length, lowered(bytes[start])) {
        case (2, UInt8(ascii: "i")): name = "id"
        case (3, UInt8(ascii: "r")): name = "rel"
        case (4, UInt8(ascii: "r")): name = "role"
        case (4, UInt8(ascii: "t")): name = "type"
        case (4, UInt8(ascii: "n")): name = "name"
        case (4, UInt8(ascii: "h")):
            guard hrefToo else { return false }
            name = "href"
        case (5, UInt8(ascii: "c")): name = "class"
        case (5, UInt8(ascii: "s")): name = "style"
        case (6, UInt8(ascii: "h")): name = "hidden"
        case (7, UInt8(ascii: "c")): name = "content"
        case (7, UInt8(ascii: "p")): name = "pubdate"
        case (8, UInt8(ascii: "i")): name = "itemprop"
        case (8, UInt8(ascii: "p")): name = "property"
        case (8, UInt8(ascii: "d")): name = "datetime"
        case (11, UInt8(ascii: "a")): name = "aria-hidden"
        case (14, UInt8(ascii: "d")): name = "data-component"
        default: return false
        }
        return equalsLowered(bytes, start, name)
    }

    private static func equalsLowered(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ text: StaticString) -> Bool {
        var index = start
        for expected in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) {
            guard lowered(bytes[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// libxml2's `IS_BLANK_CH` (no form feed).
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var i = index
        while i < bytes.count, isBlank(bytes[i]) { i += 1 }
        return i
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A byte that may start a name: an ASCII letter, `_`, `:` or `.`.
    static func isNameStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }
}
