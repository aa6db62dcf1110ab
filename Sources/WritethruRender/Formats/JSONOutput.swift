import Foundation
import WritethruSupport

/// Deterministic JSON output (see `JSONCoding`).
public enum JSONOutput {
    public static func render<T: Encodable>(_ value: T) -> String {
        JSONCoding.render(value)
    }

    /// One JSON Lines line: the value on one line (sorted keys, no spaces, no escaped
    /// slashes), then a newline. Strings hold no raw line breaks in JSON, so it is one line.
    public static func line<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The models hold strings, numbers, booleans, arrays and nulls: encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
