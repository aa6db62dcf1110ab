/// The Encoding Standard's decoders for UTF-8, UTF-16 and windows-1252, in replacement mode:
/// what cannot be decoded becomes U+FFFD (for UTF-8, one for each maximal subpart of an
/// ill-formed sequence, as browsers do) and is counted. Output is UTF-8 bytes.
enum ReplacingDecoders {
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// - Complexity: O(n) in the number of bytes.
    static func utf8(_ bytes: ArraySlice<UInt8>) -> (utf8: [UInt8], replaced: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var replaced = 0
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                out.append(lead)
                index += 1
                continue
            }
            let needed: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: needed = 1
            case 0xE0: needed = 2; lower = 0xA0
            case 0xED: needed = 2; upper = 0x9F
            case 0xE1...0xEF: needed = 2
            case 0xF0: needed = 3; lower = 0x90
            case 0xF4: needed = 3; upper = 0x8F
            case 0xF1...0xF3: needed = 3
            default:
                out += replacement
                replaced += 1
                index += 1
                continue
            }
            var next = index + 1
            var complete = true
            for position in 0..<needed {
                let range: ClosedRange<UInt8> = position == 0 ? lower...upper : 0x80...0xBF
                guard next < end, range.contains(bytes[next]) else {
                    complete = false
                    break
                }
                next += 1
            }
            if complete {
                out += bytes[index..<next]
            } else {
                // The maximal subpart read so far is one U+FFFD; the byte that broke it is read again.
                out += replacement
                replaced += 1
            }
            index = next
        }
        return (out, replaced)
    }

    /// UTF-16 without its byte-order mark: a lone surrogate, or an odd byte at the end, is U+FFFD.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> (utf8: [UInt8], replaced: Int) {
        var scalars = String.UnicodeScalarView()
        var replaced = 0
        var pendingHigh: UInt32?
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt32(bytes[index]), b = UInt32(bytes[index + 1])
            let unit = littleEndian ? a | (b << 8) : (a << 8) | b
            index += 2
            if let high = pendingHigh {
                pendingHigh = nil
                if (0xDC00...0xDFFF).contains(unit), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)) {
                    scalars.append(scalar)
                    continue
                }
                scalars.append("\u{FFFD}")
                replaced += 1
            }
            if (0xD800...0xDBFF).contains(unit) {
                pendingHigh = unit
            } else if let scalar = Unicode.Scalar(unit) {
                scalars.append(scalar)
            } else {
                scalars.append("\u{FFFD}")
                replaced += 1
            }
        }
        if pendingHigh != nil || index < bytes.endIndex {
            scalars.append("\u{FFFD}")
            replaced += 1
        }
        return (Array(String(scalars).utf8), replaced)
    }

    /// windows-1252 as the standard's index has it: every byte decodes (the five bytes
    /// Microsoft left undefined are the C1 controls of the same value), so nothing is replaced.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case ..<0x80: out.append(UInt8(value))
        case ..<0x800:
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        default:
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Bytes 0x80 to 0x9F of windows-1252 (the WHATWG index: undefined bytes map to themselves).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,   // 0x80 to 0x87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,   // 0x88 to 0x8F
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,   // 0x90 to 0x97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,   // 0x98 to 0x9F
    ]
}
