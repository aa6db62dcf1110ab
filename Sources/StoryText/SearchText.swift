import Foundation

/// Text as searches compare it: case, accents, width, quote styles and runs of spaces do not
/// matter. "Zhao Lijian's" finds “Zhao Lijian’s”.
public enum SearchText {
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
        return unified.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .trimmingCharacters(in: .whitespaces)
    }

    /// The distinct words of some texts, folded: runs of letters and digits, at least two
    /// characters long (or a digit). What the search index keys stories by.
    ///
    /// - Complexity: O(n) in the text; ASCII words are lower-cased in place, only words with
    ///   other letters go through Foundation's folding.
    public static func words(_ texts: [String]) -> Set<String> {
        var words = Set<String>()
        var ascii: [UInt8] = []
        var other = String.UnicodeScalarView()
        var isASCII = true
        func flush() {
            defer {
                ascii.removeAll(keepingCapacity: true)
                other = String.UnicodeScalarView()
                isASCII = true
            }
            guard !other.isEmpty else { return }
            let word = isASCII ? String(decoding: ascii, as: UTF8.self) : folded(String(other))
            if word.count >= 2 || word.first?.isNumber == true { words.insert(word) }
        }
        for text in texts {
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                        ascii.append(UInt8(value))
                    } else if (0x41...0x5A).contains(value) {
                        ascii.append(UInt8(value + 0x20))
                    } else {
                        flush()
                        continue
                    }
                    other.append(scalar)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                            || scalar.properties.generalCategory == .nonspacingMark {
                    isASCII = false
                    other.append(scalar)
                } else {
                    flush()
                }
            }
            flush()
        }
        return words
    }
}
