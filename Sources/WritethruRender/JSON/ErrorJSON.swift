import WritethruSupport

/// An error as the JSON formats print it on stderr: `{"error": {"code": 67, "message": "..."}}`,
/// one line, keys in that order (docs/decisions/0040-json-errors.md).
public enum ErrorJSON {
    /// The error line, without its line break. Besides what `JSONString` escapes, DEL, the C1
    /// controls and the two Unicode line separators are written as `\uXXXX`, so the line stays
    /// one line wherever it is printed and cannot act on a terminal.
    /// - Complexity: O(n) in the message's length.
    public static func line(code: Int32, message: String) -> String {
        var quoted = ""
        for scalar in JSONString.quoted(message).unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let digits = String(scalar.value, radix: 16)
                quoted += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        return "{\"error\": {\"code\": \(code), \"message\": \(quoted)}}"
    }
}
