/// Lower-case hexadecimal, the one encoder every module uses (object ids, content hashes).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lower-case hexadecimal digits per byte.
    /// - Complexity: O(n) in the number of bytes.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
