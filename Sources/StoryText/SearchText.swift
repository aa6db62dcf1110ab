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
    public static func words(_ texts: [String]) -> Set<String> {
        var words = Set<String>()
        for text in texts {
            var word = ""
            for character in folded(text) {
                if character.isLetter || character.isNumber {
                    word.append(character)
                } else {
                    if word.count >= 2 || word.first?.isNumber == true { words.insert(word) }
                    word = ""
                }
            }
            if word.count >= 2 || word.first?.isNumber == true { words.insert(word) }
        }
        return words
    }
}
