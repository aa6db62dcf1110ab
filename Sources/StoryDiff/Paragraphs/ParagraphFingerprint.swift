/// Identical paragraphs of two versions, found by a hash of their bytes before any of them is
/// cut into words.
enum ParagraphFingerprint {
    /// The pairs (old, new) of identical paragraphs, in old order: the k-th occurrence of a text
    /// in the old version with its k-th occurrence in the new (`==` on strings, canonical
    /// equivalence). When every paragraph is made of scalars whose texts are equivalent only
    /// when equal (`TokenInterner.isSurelyNormalized`), the bytes decide: a 64-bit hash, then
    /// the bytes compared; otherwise the strings are hashed as before.
    ///
    /// - Complexity: O(c) for the c bytes of both versions, expected.
    static func exactMatches(_ old: [String], _ new: [String]) -> [(Int, Int)] {
        guard let oldHashes = hashes(old), let newHashes = hashes(new) else { return byString(old, new) }
        var byHash: [UInt64: [Int]] = [:]
        byHash.reserveCapacity(new.count)
        for (j, hash) in newHashes.enumerated() { byHash[hash, default: []].append(j) }
        var taken = [Bool](repeating: false, count: new.count)
        var pairs: [(Int, Int)] = []
        for (i, hash) in oldHashes.enumerated() {
            guard let candidates = byHash[hash] else { continue }
            for j in candidates where !taken[j] && sameBytes(old[i], new[j]) {
                taken[j] = true
                pairs.append((i, j))
                break
            }
        }
        return pairs
    }

    /// The hash of each text's bytes, or nil when some text has a scalar whose texts may be
    /// equivalent with other bytes.
    static func hashes(_ texts: [String]) -> [UInt64]? {
        var result: [UInt64] = []
        result.reserveCapacity(texts.count)
        for text in texts {
            var text = text
            guard let hash = text.withUTF8({ bytes -> UInt64? in
                var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
                var high: UInt64 = 0
                var index = 0
                let raw = UnsafeRawBufferPointer(bytes)
                while index + 8 <= bytes.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    high |= word
                    hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
                    hash ^= hash >> 32
                    index += 8
                }
                while index < bytes.count {
                    high |= UInt64(bytes[index])
                    hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
                    index += 1
                }
                if high & 0x8080_8080_8080_8080 != 0, !TokenInterner.isSurelyNormalized(bytes) { return nil }
                return hash
            }) else { return nil }
            result.append(hash)
        }
        return result
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a
        var b = b
        return a.withUTF8 { a in b.withUTF8 { b in a.sameBytes(as: b) } }
    }

    /// The matches by string hashing, for texts with scalars the bytes cannot decide.
    static func byString(_ old: [String], _ new: [String]) -> [(Int, Int)] {
        var newByText: [String: [Int]] = [:]
        for (j, text) in new.enumerated() { newByText[text, default: []].append(j) }
        var used: [String: Int] = [:]
        var pairs: [(Int, Int)] = []
        for (i, text) in old.enumerated() {
            guard let candidates = newByText[text] else { continue }
            let k = used[text, default: 0]
            guard k < candidates.count else { continue }
            used[text] = k + 1
            pairs.append((i, candidates[k]))
        }
        return pairs
    }
}
