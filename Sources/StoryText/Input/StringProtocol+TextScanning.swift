/// Small text helpers on UTF-8, for paths that run on every line of every input (Foundation's
/// `trimmingCharacters` and `contains` go through NSString and cost microseconds a call).
extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    public var trimmedSpaces: String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let bytes = Array(utf8)
        guard let first = bytes.first, let last = bytes.last, isSpace(first) || isSpace(last) else {
            return String(self)
        }
        var low = 0
        var high = bytes.count
        while low < high, isSpace(bytes[low]) { low += 1 }
        while high > low, isSpace(bytes[high - 1]) { high -= 1 }
        return String(decoding: bytes[low..<high], as: UTF8.self)
    }

    /// Whether the text contains `needle` (ASCII, lower case), ignoring ASCII case.
    func containsIgnoringASCIICase(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let lower = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let search = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) where lower(bytes[start]) == first {
                if (1..<pattern.count).allSatisfy({ lower(bytes[start + $0]) == pattern[$0] }) { return true }
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }

    /// Whether the text contains `needle`, byte for byte in UTF-8 (Foundation's `contains` goes
    /// through NSString: microseconds a call), with libc's `memmem` on both strings' bytes in
    /// place (no copy of either).
    ///
    /// - Complexity: O(n + m) for n and m bytes.
    func containsBytes(_ needle: String) -> Bool {
        let found = needle.utf8.withContiguousStorageIfAvailable { pattern in
            utf8.withContiguousStorageIfAvailable { UTF8Bytes.contains($0, pattern) }
        }
        if let found = found ?? nil { return found }
        return Array(utf8).withUnsafeBufferPointer { text in
            Array(needle.utf8).withUnsafeBufferPointer { UTF8Bytes.contains(text, $0) }
        }
    }

    /// Whether the text's UTF-8 holds `byte`.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}

extension String {
    /// The first place the bytes of `needle` occur at or after `start`: a literal search, code
    /// point for code point, as the rules and separators mean it (Foundation's `range(of:)`
    /// bridges to UTF-16 and weighs canonical equivalence, ten times the work).
    ///
    /// - Complexity: O(n · m) at worst, O(n) for a needle whose first byte is rare.
    func byteRange(of needle: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let view = utf8
        let begin = view.distance(from: view.startIndex, to: start ?? view.startIndex)
        var copy = self
        let found: Int? = copy.withUTF8 { bytes in
            guard bytes.count >= pattern.count, begin <= bytes.count - pattern.count else { return nil }
            for offset in begin...(bytes.count - pattern.count) where bytes[offset] == first {
                if (1..<pattern.count).allSatisfy({ bytes[offset + $0] == pattern[$0] }) { return offset }
            }
            return nil
        }
        guard let found else { return nil }
        let lower = view.index(view.startIndex, offsetBy: found)
        return lower..<view.index(lower, offsetBy: pattern.count)
    }
}
