extension WordDiffer {
    /// The similarity of two token sequences given as interned ids, with each token's length
    /// in characters: the most characters the two can keep in common, in order (a longest
    /// common subsequence weighted by token length), over all characters. Symmetric.
    ///
    /// - Complexity: O(n · m) for the n and m tokens left once the common prefix and suffix
    ///   are set aside, in O(m) space; 0 above `DiffSettings.wordDiffLimit`.
    static func similarity(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int],
                           settings: DiffSettings) -> Double {
        let total = aLengths.reduce(0, +) + bLengths.reduce(0, +)
        guard total > 0 else { return 1 }
        guard a.count * b.count <= settings.wordDiffLimit else { return 0 }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        var kept = 0
        for index in 0..<prefix { kept += aLengths[index] + bLengths[index] }
        for offset in 0..<suffix { kept += aLengths[a.count - 1 - offset] + bLengths[b.count - 1 - offset] }
        kept += keptCharacters(a, aLengths, b, bLengths, from: prefix, aEnd: a.count - suffix, bEnd: b.count - suffix)
        return min(1, Double(kept) / Double(total))
    }

    /// The heaviest common subsequence of `a[from..<aEnd]` and `b[from..<bEnd]`, each matched
    /// pair weighing the characters of both tokens. Two rows of the dynamic programme.
    static func keptCharacters(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int], from start: Int,
                               aEnd: Int, bEnd: Int) -> Int {
        guard start < aEnd, start < bEnd else { return 0 }
        let columns = bEnd - start
        // Both rows in one buffer, row r at r * width; the loop reads them without bounds checks
        // (every index is inside 0..<2 * width, and b's inside start..<bEnd).
        let width = columns + 1
        var rows = [Int](repeating: 0, count: 2 * width)
        rows.withUnsafeMutableBufferPointer { rows in
            b.withUnsafeBufferPointer { b in
                bLengths.withUnsafeBufferPointer { bLengths in
                    var previous = 0
                    var current = width
                    for i in start..<aEnd {
                        let token = a[i]
                        let weight = aLengths[i]
                        for j in 1...columns {
                            let column = start + j - 1
                            rows[current + j] = token == b[column]
                                ? rows[previous + j - 1] + weight + bLengths[column]
                                : max(rows[previous + j], rows[current + j - 1])
                        }
                        swap(&previous, &current)
                    }
                    rows[0] = rows[previous + columns]
                }
            }
        }
        return rows[0]
    }
}
