extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether the two buffers hold the same bytes, compared eight at a time.
    ///
    /// - Complexity: O(n) for n bytes.
    func sameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        let (mine, theirs) = (UnsafeRawBufferPointer(self), UnsafeRawBufferPointer(other))
        var index = 0
        while index + 8 <= count {
            guard mine.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                == theirs.loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
            index += 8
        }
        while index < count {
            guard self[index] == other[index] else { return false }
            index += 1
        }
        return true
    }
}
