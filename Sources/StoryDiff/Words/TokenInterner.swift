/// Interns token bodies by their UTF-8 bytes: one entry per distinct byte sequence, and one id
/// per body as `String` compares them (canonical equivalence), so that ids stand for bodies
/// exactly as a `[String: Int]` would number them, without a `String` or its hashing per token.
///
/// Two texts made only of scalars that are in NFC on their own and never combine with what
/// precedes them (`isSurelyNormalized`: all of ASCII and Latin below U+0300, the general
/// punctuation most copy uses, the currency signs) are canonically equivalent exactly when
/// their bytes are equal, so such bodies need nothing but their bytes. The first body with any
/// other scalar (a combining mark, a Kelvin sign) switches the interner to also keep every
/// distinct body as a `String` (`canonical`), and each new byte sequence from then on is looked
/// up there, so "e" + U+0301 gets the id of "é".
///
/// - Complexity: O(b) expected per body of b bytes (one hash, one probe of an open-addressing
///   table); a body with a new byte sequence is copied once; after the switch, O(b) more per
///   new byte sequence for its `String`.
struct TokenInterner {
    /// Entry index + 1 in each slot (0: empty); a power of two slots, at most half full.
    private var slots: [Int]
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var arena: [UInt8] = []
    /// The id of each entry: equal for canonically equivalent bodies.
    private(set) var ids: [Int] = []
    /// How many ids there are (0..<idCount).
    private(set) var idCount = 0
    private var canonical: [String: Int]?

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int](repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
        ids.reserveCapacity(capacity)
        starts.append(0)
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// Whether every scalar of the UTF-8 `bytes` is one whose texts are canonically equivalent
    /// only when equal: checked in Python's unicodedata (Unicode 14) for U+0080..U+02FF,
    /// U+2010..U+2027, U+2030..U+205E and U+20A0..U+20BF: in NFC alone, combining class 0, and the
    /// second scalar of no canonical composition.
    static func isSurelyNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            if lead < 0x80 {
                index += 1
                continue
            }
            guard lead < 0xF0, index + 1 < bytes.count else { return false }
            let value: UInt32
            if lead < 0xE0 {
                value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else {
                guard index + 2 < bytes.count else { return false }
                value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            }
            let safe = value < 0x300 || (0x2010..<0x2028).contains(value) || (0x2030..<0x205F).contains(value)
                || (0x20A0..<0x20C0).contains(value)
            if !safe { return false }
        }
        return true
    }

    /// The entry holding `bytes` (whose `hash(_:)` is `hash`), made if new, and whether it is new.
    mutating func entry(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, isNew: Bool) {
        let (found, slot) = probe(bytes, hash: hash)
        if found >= 0 { return (found, false) }
        let index = ids.count
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        slots[slot] = index + 1
        ids.append(id(ofNew: bytes))
        if 2 * ids.count > slots.count { grow() }
        return (index, true)
    }

    /// The entry holding `bytes` (-1 when none) and the slot where the probe ended.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (found: Int, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                starts.withUnsafeBufferPointer { starts in
                    arena.withUnsafeBufferPointer { arena in
                        let mask = slots.count - 1
                        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                        while true {
                            let held = slots[slot]
                            if held == 0 { return (-1, slot) }
                            let index = held - 1
                            if hashes[index] == hash, starts[index + 1] - starts[index] == bytes.count {
                                let start = starts[index]
                                var same = true
                                for offset in 0..<bytes.count where arena[start + offset] != bytes[offset] {
                                    same = false
                                    break
                                }
                                if same { return (index, slot) }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// The id of a byte sequence seen for the first time.
    private mutating func id(ofNew bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if canonical == nil {
            guard !Self.isSurelyNormalized(bytes) else {
                idCount += 1
                return idCount - 1
            }
            // Every entry so far is surely normalized, so each is its own id: keep them as strings.
            var strings: [String: Int] = [:]
            arena.withUnsafeBufferPointer { arena in
                for entry in 0..<ids.count {
                    let text = UnsafeBufferPointer(rebasing: arena[starts[entry]..<starts[entry + 1]])
                    strings[String(decoding: text, as: UTF8.self)] = ids[entry]
                }
            }
            canonical = strings
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let known = canonical?[text] { return known }
        canonical?[text] = idCount
        idCount += 1
        return idCount - 1
    }

    private mutating func grow() {
        var grown = [Int](repeating: 0, count: 2 * slots.count)
        let mask = grown.count - 1
        for index in 0..<ids.count {
            let hash = hashes[index]
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = index + 1
        }
        slots = grown
    }
}
