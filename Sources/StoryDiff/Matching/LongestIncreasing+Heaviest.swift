extension LongestIncreasing {
    /// Among the longest strictly increasing subsequences, one with the greatest total weight:
    /// when two paragraphs could each be the one that moved, the more similar pair stays in
    /// place. Falls back to `subsequence` above `limit` values.
    ///
    /// - Complexity: O(n^2) up to `limit`, O(n log n) above it.
    static func heaviestSubsequence(_ values: [Int], weights: [Double], limit: Int) -> [Int] {
        guard values.count <= limit else { return subsequence(values) }
        var length = Array(repeating: 1, count: values.count)
        var weight = weights
        var previous = Array(repeating: -1, count: values.count)
        for position in values.indices {
            for earlier in 0..<position where values[earlier] < values[position] {
                let candidateLength = length[earlier] + 1
                let candidateWeight = weight[earlier] + weights[position]
                if candidateLength > length[position]
                    || (candidateLength == length[position] && candidateWeight > weight[position]) {
                    length[position] = candidateLength
                    weight[position] = candidateWeight
                    previous[position] = earlier
                }
            }
        }
        guard var position = values.indices.max(by: { (length[$0], weight[$0]) < (length[$1], weight[$1]) }) else {
            return []
        }
        var result: [Int] = []
        while position >= 0 {
            result.append(position)
            position = previous[position]
        }
        return result.reversed()
    }
}
