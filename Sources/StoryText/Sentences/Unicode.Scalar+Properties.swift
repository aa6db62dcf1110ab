/// Case, digit, space and punctuation tests on scalars, for the sentence segmenter.
extension Unicode.Scalar {
    var isUppercase: Bool { properties.isUppercase }
    var isLowercase: Bool { properties.isLowercase }
    var isNumber: Bool { properties.numericType != nil }

    /// What may end a sentence: `.`, `!`, `?` and `…`.
    var isTerminator: Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x2026: true
        default: false
        }
    }

    /// A space or a tab: what separates words on a line.
    var isBlank: Bool { value == 0x20 || value == 0x09 }

    /// A line break: LF, CR, vertical tab, form feed, NEL, U+2028 and U+2029.
    var isLineBreak: Bool {
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The value of an ASCII digit, nil for anything else.
    var asciiDigit: Int? { value >= 0x30 && value <= 0x39 ? Int(value - 0x30) : nil }

    /// The place of an ASCII lower-case letter in the alphabet (a = 1), nil for anything else.
    var asciiLetterOrdinal: Int? { value >= 0x61 && value <= 0x7A ? Int(value - 0x60) : nil }
}
