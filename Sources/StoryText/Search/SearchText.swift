import Foundation

/// Text as searches compare it: case, accents, width, quote styles and runs of spaces do not
/// matter. "Zhao Lijian's" finds “Zhao Lijian’s”.
public enum SearchText {
    /// - Complexity: O(n) in the length of the text.
    public static func folded(_ text: String) -> String {
        var unified = ""
        unified.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let mapped: Unicode.Scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": mapped = "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": mapped = "\""
            default: mapped = scalar.properties.isWhitespace ? " " : scalar
            }
            if mapped == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            unified.unicodeScalars.append(mapped)
        }
        return unified.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                               locale: Locale(identifier: "en_US_POSIX"))
            .trimmingCharacters(in: .whitespaces)
    }

    /// The distinct words of some texts, folded: runs of letters and digits, at least two
    /// characters long (or a digit). What the search index keys stories by.
    ///
    /// - Complexity: O(n) in the total length of the texts.
    public static func words(_ texts: [String]) -> Set<String> {
        var words = Set<String>()
        forEachWord(in: texts) { words.insert(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// The FNV-1a hashes (64 bits, over the folded word's UTF-8) of the distinct words of some
    /// texts: what the search index stores, found without making a string of each ASCII word.
    ///
    /// - Complexity: O(n) in the total length of the texts.
    public static func wordHashes(_ texts: [String]) -> Set<UInt64> {
        var hashes = Set<UInt64>()
        forEachWord(in: texts) { hashes.insert(fnv1a($0)) }
        return hashes
    }

    /// FNV-1a, 64 bits: stable across runs and machines, unlike Swift's seeded `Hasher`.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Calls `body` with the UTF-8 of each word, folded, that is long enough to index.
    ///
    /// - Complexity: O(n) in the text, one pass over its UTF-8; ASCII words are lower-cased in
    ///   place, without a string each; only words with other letters go through `folded`.
    private static func forEachWord(in texts: [String], _ body: (ArraySlice<UInt8>) -> Void) {
        var word = WordBuffer()
        for var text in texts {
            text.withUTF8 { utf8 in
                var index = 0
                while index < utf8.count {
                    let byte = utf8[index]
                    if byte < 0x80 {
                        index += 1
                        switch byte {
                        case 0x61...0x7A, 0x30...0x39: word.bytes.append(byte)
                        case 0x41...0x5A: word.bytes.append(byte | 0x20)
                        default: word.flush(body)
                        }
                        continue
                    }
                    // A multi-byte scalar: its length from the lead byte (a Swift string's
                    // bytes are valid UTF-8).
                    let end = min(index + (byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2), utf8.count)
                    let bytes = UnsafeBufferPointer(rebasing: utf8[index..<end])
                    if let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first, isWordScalar(scalar) {
                        word.isASCII = false
                        word.bytes.append(contentsOf: bytes)
                    } else {
                        word.flush(body)
                    }
                    index = end
                }
            }
            word.flush(body)
        }
    }

    /// The word being read, as UTF-8.
    private struct WordBuffer {
        var bytes: [UInt8] = []
        var isASCII = true

        init() { bytes.reserveCapacity(64) }

        /// Passes the word on when it is long enough (two characters, or one digit), then empties.
        mutating func flush(_ body: (ArraySlice<UInt8>) -> Void) {
            guard let first = bytes.first else { return }
            if isASCII {
                if bytes.count >= 2 || (0x30...0x39).contains(first) { body(bytes[...]) }
            } else {
                let folded = SearchText.folded(String(decoding: bytes, as: UTF8.self))
                if folded.count >= 2 || folded.first?.isNumber == true { body(Array(folded.utf8)[...]) }
            }
            bytes.removeAll(keepingCapacity: true)
            isASCII = true
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }
}
