import Foundation

/// Writethru's JSON, for files and for output: sorted keys, two-space indentation, `"key": value`,
/// empty arrays as `[]`, no escaped slashes, a final newline. The same value always gives the
/// same bytes.
public enum JSONCoding {
    public static func render<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The models hold strings, numbers, booleans, arrays and nulls: encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return tidy(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Foundation prints `"key" : value` and empty containers over three lines. Raw newlines and
    /// unescaped quotes never occur inside JSON strings, so both patterns are structural.
    private static func tidy(_ json: String) -> String {
        let bytes = Array(json.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // `" : ` -> `": `
            if byte == 0x22, index + 3 < bytes.count,
               bytes[index + 1] == 0x20, bytes[index + 2] == 0x3A, bytes[index + 3] == 0x20 {
                out += [0x22, 0x3A, 0x20]
                index += 4
                continue
            }
            // `[` or `{`, a line break, only whitespace, a line break, whitespace, `]` or `}` -> `[]`, `{}`
            if byte == 0x5B || byte == 0x7B {
                let closer: UInt8 = byte == 0x5B ? 0x5D : 0x7D
                var next = index + 1
                var breaks = 0
                while next < bytes.count, bytes[next] == 0x0A || bytes[next] == 0x20 {
                    if bytes[next] == 0x0A { breaks += 1 }
                    next += 1
                }
                if breaks >= 2, next < bytes.count, bytes[next] == closer {
                    out += [byte, closer]
                    index = next + 1
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
