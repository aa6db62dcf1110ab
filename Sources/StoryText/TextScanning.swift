/// Small text helpers on UTF-8, for paths that run on every line of every input (Foundation's
/// `trimmingCharacters` and `contains` go through NSString and cost microseconds a call).
extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    public var trimmedSpaces: String {
        let bytes = Array(utf8)
        var low = 0
        var high = bytes.count
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        return String(decoding: bytes[low..<high], as: UTF8.self)
    }

    /// Whether the text contains `needle` (ASCII, lower case), ignoring ASCII case.
    func containsIgnoringASCIICase(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let bytes = Array(utf8)
        guard bytes.count >= pattern.count else { return false }
        let lower = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        for start in 0...(bytes.count - pattern.count) where lower(bytes[start]) == first {
            if (1..<pattern.count).allSatisfy({ lower(bytes[start + $0]) == pattern[$0] }) { return true }
        }
        return false
    }
}
