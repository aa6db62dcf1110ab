/// Text safe inside XML 1.0 elements and attribute values (a feed's every piece of story text).
///
/// `&`, `<`, `>` and `"` become character references, so no text can close an element, open one,
/// end a CDATA section (`]]>` becomes `]]&gt;`) or an attribute value (always in double quotes).
/// Characters XML 1.0 forbids anywhere (the C0 controls but tab, line feed and carriage return;
/// U+FFFE, U+FFFF) become U+FFFD, so a stray character in a scraped page cannot make the whole
/// feed unreadable.
enum XMLText {
    /// - Complexity: O(n) in the text's Unicode scalars.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(allowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character (its production `Char`).
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }
}
