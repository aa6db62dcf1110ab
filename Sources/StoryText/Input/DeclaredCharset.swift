extension HTMLDocument {
    static let charsetPattern = Pattern(#"<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)

    /// The charset a page declares in its first 1,024 bytes (`<meta charset>` or the
    /// `http-equiv` Content-Type form), as browsers prescan for it.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let ascii = bytes.prefix(1024).map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }
        let head = String(decoding: ascii, as: UTF8.self).lowercased()
        return charsetPattern.firstMatch(in: head)?[1]
    }
}
