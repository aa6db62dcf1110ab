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
