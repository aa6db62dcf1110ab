/// A JSON string literal written by hand, for the few places that write JSON without
/// `JSONEncoder` (its set-up costs a short command more than its own work): writer journals,
/// JSON Lines exports.
public enum JSONString {
    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
    /// as it is.
    /// - Complexity: O(n) in the text's length.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
