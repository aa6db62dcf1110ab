/// Longest strictly increasing subsequence, by patience sorting.
///
/// - Complexity: O(n log n).
enum LongestIncreasing {
    /// The positions in `values` of one longest strictly increasing subsequence, in order.
    static func subsequence(_ values: [Int]) -> [Int] {
        var tails: [Int] = []          // positions: tails[k] ends the best run of length k + 1
        var previous = Array(repeating: -1, count: values.count)
        for (position, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if values[tails[mid]] < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[position] = tails[low - 1] }
            if low == tails.count { tails.append(position) } else { tails[low] = position }
        }
        var result: [Int] = []
        var position = tails.last ?? -1
        while position >= 0 {
            result.append(position)
            position = previous[position]
        }
        return result.reversed()
    }
}

extension LongestIncreasing {
    /// Among the longest strictly increasing subsequences, one with the greatest total weight:
    /// when two paragraphs could each be the one that moved, the more similar pair stays in
    /// place. Falls back to `subsequence` above `limit` values.
    ///
    /// - Complexity: O(n^2) up to `limit`, O(n log n) above it.
    static func heaviestSubsequence(_ values: [Int], weights: [Double], limit: Int = 3_000) -> [Int] {
        guard values.count <= limit else { return subsequence(values) }
        var length = Array(repeating: 1, count: values.count)
        var weight = weights
        var previous = Array(repeating: -1, count: values.count)
        for position in values.indices {
            for earlier in 0..<position where values[earlier] < values[position] {
                let candidateLength = length[earlier] + 1
                let candidateWeight = weight[earlier] + weights[position]
                if candidateLength > length[position] || (candidateLength == length[position] && candidateWeight > weight[position]) {
                    length[position] = candidateLength
                    weight[position] = candidateWeight
                    previous[position] = earlier
                }
            }
        }
        guard var position = values.indices.max(by: { (length[$0], weight[$0]) < (length[$1], weight[$1]) }) else { return [] }
        var result: [Int] = []
        while position >= 0 {
            result.append(position)
            position = previous[position]
        }
        return result.reversed()
    }
}
