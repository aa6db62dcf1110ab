extension WordDiffer {
    /// The similarity of two token sequences given as interned ids, with each token's length
    /// in characters: the most characters the two can keep in common, in order (a longest
    /// common subsequence weighted by token length), over all characters. Symmetric.
    ///
    /// - Complexity: as `keptCharacters` for the n and m tokens left once the common prefix and
    ///   suffix are set aside (O(n · m) at worst); 0 above `DiffSettings.wordDiffLimit`.
    static func similarity(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int],
                           settings: DiffSettings) -> Double {
        var scratch = SimilarityScratch()
        return similarity(a, aLengths, b, bLengths, settings: settings, scratch: &scratch)
    }

    /// `similarity(_:_:_:_:settings:)` with buffers kept from call to call.
    static func similarity(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int], settings: DiffSettings,
                           scratch: inout SimilarityScratch) -> Double {
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
        kept += keptCharacters(a, aLengths, b, bLengths, from: prefix, aEnd: a.count - suffix, bEnd: b.count - suffix,
                               scratch: &scratch)
        return min(1, Double(kept) / Double(total))
    }

    /// The heaviest common subsequence of `a[from..<aEnd]` and `b[from..<bEnd]` as the two-row
    /// dynamic programme has always counted it: a cell whose tokens match takes the cell above
    /// and to the left plus both tokens' characters, any other cell the larger of the cells
    /// above and to the left. (Where the same token has different lengths, with its whitespace,
    /// taking a match is not always the heaviest choice; the programme takes it, and the
    /// similarities printed and paired on are the programme's.)
    ///
    /// Rows are skipped where that changes nothing: a row whose token occurs nowhere in b is
    /// the running maximum of the row above, which is that row itself once it is non-decreasing;
    /// in a row with matches, the cells before its first match are the row above likewise. The
    /// positions of each id in b are chained (`scratch.heads`, `scratch.chain`) to find a row's
    /// first match. `SimilaritySkippingTests` checks it against the full programme.
    ///
    /// - Complexity: O(n + m + Σ (m - first match)) over the n rows with a match, O(n · m) at
    ///   worst, in O(m) space (and `scratch`'s table of the ids).
    static func keptCharacters(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int], from start: Int,
                               aEnd: Int, bEnd: Int, scratch: inout SimilarityScratch) -> Int {
        guard start < aEnd, start < bEnd else { return 0 }
        let columns = bEnd - start
        var largest = -1
        for column in start..<bEnd where b[column] > largest { largest = b[column] }
        // Slot id + 1 (the paragraph break, -1, in slot 0) holds the last position + 1 of the id.
        if scratch.heads.count < largest + 2 {
            scratch.heads += [Int](repeating: 0, count: largest + 2 - scratch.heads.count)
        }
        if scratch.chain.count < columns { scratch.chain = [Int](repeating: 0, count: columns) }
        if scratch.row.count < columns + 1 { scratch.row = [Int](repeating: 0, count: columns + 1) }
        return a.withUnsafeBufferPointer { a in
            aLengths.withUnsafeBufferPointer { aLengths in
                b.withUnsafeBufferPointer { b in
                    bLengths.withUnsafeBufferPointer { bLengths in
                        scratch.heads.withUnsafeMutableBufferPointer { heads in
                            scratch.chain.withUnsafeMutableBufferPointer { chain in
                                scratch.row.withUnsafeMutableBufferPointer { row in
                                    keptCharacters(Tables(a: a, aLengths: aLengths, b: b, bLengths: bLengths,
                                                          heads: heads, chain: chain, row: row),
                                                   from: start, aEnd: aEnd, bEnd: bEnd)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The raw buffers of one `keptCharacters` call.
    private struct Tables {
        let a: UnsafeBufferPointer<Int>
        let aLengths: UnsafeBufferPointer<Int>
        let b: UnsafeBufferPointer<Int>
        let bLengths: UnsafeBufferPointer<Int>
        let heads: UnsafeMutableBufferPointer<Int>
        let chain: UnsafeMutableBufferPointer<Int>
        let row: UnsafeMutableBufferPointer<Int>
    }

    /// `keptCharacters` on raw buffers (no bounds checks in the loops: every index is inside).
    private static func keptCharacters(_ tables: Tables, from start: Int, aEnd: Int, bEnd: Int) -> Int {
        let (a, aLengths, b, bLengths) = (tables.a, tables.aLengths, tables.b, tables.bLengths)
        let (heads, chain, row) = (tables.heads, tables.chain, tables.row)
        let columns = bEnd - start
        let slots = heads.count
        for column in 0..<columns {
            let slot = b[start + column] + 1
            chain[column] = heads[slot] - 1
            heads[slot] = column + 1
        }
        for index in 0...columns { row[index] = 0 }
        // Whether the row (the one above the next) never decreases left to right.
        var rising = true
        for i in start..<aEnd {
            let slot = a[i] + 1
            var first = slot < slots ? heads[slot] - 1 : -1
            if first < 0 {
                if !rising {
                    for j in 1...columns where row[j] < row[j - 1] { row[j] = row[j - 1] }
                    rising = true
                }
                continue
            }
            while chain[first] >= 0 { first = chain[first] }
            // Cells are 1-based: the first match is cell first + 1.
            let from = rising ? first + 1 : 1
            var diagonal = row[from - 1]
            var left = row[from - 1]
            let token = a[i]
            let weight = aLengths[i]
            for j in from...columns {
                let column = start + j - 1
                let up = row[j]
                let value = token == b[column] ? diagonal + weight + bLengths[column] : max(up, left)
                diagonal = up
                row[j] = value
                left = value
            }
            rising = false
        }
        for column in start..<bEnd { heads[b[column] + 1] = 0 }
        return row[columns]
    }
}

/// Buffers `WordDiffer.keptCharacters` reuses from one call to the next: the last position of
/// each id in the second sequence (all 0 between calls), the chains of earlier positions, and
/// the row of the dynamic programme.
struct SimilarityScratch {
    var heads: [Int] = []
    var chain: [Int] = []
    var row: [Int] = []
}
