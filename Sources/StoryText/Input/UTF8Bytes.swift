import Foundation

/// Scans of UTF-8 bytes that a page's whole length goes through once: validation, a byte's
/// first place, line ends. Each runs at memory speed on the ASCII that most of a page is
/// (markup, scripts), where the standard library's per-scalar loops cost several instructions
/// a byte.
enum UTF8Bytes {
    /// Whether the bytes are well-formed UTF-8 (the Unicode Standard's Table 3-7: no overlong
    /// forms, no surrogates, nothing above U+10FFFF): exactly `String(validating:as:)`'s verdict.
    /// ASCII is skipped eight bytes at a time.
    ///
    /// - Complexity: O(n), about one instruction a byte of ASCII.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        while i < count {
            // Eight ASCII bytes at a time (unaligned loads through memcpy).
            while i + 8 <= count {
                var word: UInt64 = 0
                withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + i, count: 8)) }
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < count else { return true }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                i + offset < count && base[i + offset] >= low && base[i + offset] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0:
                guard continuation(1, 0xA0), continuation(2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return false }
                i += 3
            case 0xED:
                guard continuation(1, 0x80, 0x9F), continuation(2) else { return false }
                i += 3
            case 0xF0:
                guard continuation(1, 0x90), continuation(2), continuation(3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                i += 4
            case 0xF4:
                guard continuation(1, 0x80, 0x8F), continuation(2), continuation(3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// The Unicode scalars of `text` (`text.unicodeScalars.count`), counted as the UTF-8 bytes
    /// that begin one: every byte but the continuation bytes 0x80-0xBF.
    ///
    /// - Complexity: O(n) in the bytes, no decoding.
    static func scalarCount<S: StringProtocol>(_ text: S) -> Int {
        let count = { (bytes: UnsafeBufferPointer<UInt8>) -> Int in
            var continuations = 0
            for byte in bytes where byte & 0xC0 == 0x80 { continuations += 1 }
            return bytes.count - continuations
        }
        return text.utf8.withContiguousStorageIfAvailable(count) ?? text.unicodeScalars.count
    }

    /// Whether `text` holds the bytes of `needle` (an empty needle is in every text): libc's
    /// `memchr` to each place the needle's first byte occurs, `memcmp` for the rest.
    ///
    /// - Complexity: O(n · m) at worst for n and m bytes, O(n) in practice (vectorised).
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let pattern = needle.baseAddress, let first = needle.first else { return true }
        guard let base = text.baseAddress, text.count >= needle.count else { return false }
        let last = text.count - needle.count
        var start = 0
        while start <= last {
            guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset + 1, pattern + 1, needle.count - 1) == 0 { return true }
            start = offset + 1
        }
        return false
    }

    /// The first offset of `byte` at or after `start`, through the C library's `memchr`.
    ///
    /// - Complexity: O(n), vectorised.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The bytes with every CR LF and every lone CR made LF, copied a run at a time between
    /// the CRs.
    ///
    /// - Complexity: O(n).
    static func normalisingLineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard var carriageReturn = firstOffset(of: 0x0D, in: bytes) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        while true {
            out.append(contentsOf: bytes[copied..<carriageReturn])
            out.append(0x0A)
            copied = carriageReturn + 1
            if copied < bytes.count, bytes[copied] == 0x0A { copied += 1 }
            guard let next = firstOffset(of: 0x0D, in: bytes, from: copied) else { break }
            carriageReturn = next
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// Whether the text is all white space (Unicode's White_Space, as a page with nothing to
    /// read): decided at the first byte that is neither ASCII white space nor part of a
    /// multi-byte character, which in a page is its first `<`.
    ///
    /// - Complexity: O(n) at most; O(1) for a page that starts with markup.
    static func isWhitespace(_ bytes: [UInt8]) -> Bool {
        if let solid = bytes.first(where: { $0 >= 0x80 || !(0x09...0x0D).contains($0) && $0 != 0x20 }), solid < 0x80 {
            return false
        }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
