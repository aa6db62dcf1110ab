/// Maximum-weight one-to-one assignment (the Hungarian method, Kuhn-Munkres with potentials).
///
/// - Complexity: O(n^2 · m) for an n x m matrix, n <= m after transposing.
enum Assignment {
    /// Row-column pairs maximising the sum of `weights` (rows x columns, weights >= 0); every row
    /// or every column (whichever is fewer) is assigned.
    static func maximumWeight(_ weights: [[Double]]) -> [(Int, Int)] {
        let rows = weights.count
        let columns = weights.first?.count ?? 0
        guard rows > 0, columns > 0 else { return [] }
        if rows > columns {
            let transposed = (0..<columns).map { c in (0..<rows).map { r in weights[r][c] } }
            return maximumWeight(transposed).map { ($1, $0) }
        }
        let top = weights.flatMap { $0 }.max() ?? 0
        // Minimise cost = top - weight. 1-based arrays as in the classic formulation.
        let n = rows
        let m = columns
        var u = Array(repeating: 0.0, count: n + 1)
        var v = Array(repeating: 0.0, count: m + 1)
        var p = Array(repeating: 0, count: m + 1)
        var way = Array(repeating: 0, count: m + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = Array(repeating: Double.infinity, count: m + 1)
            var used = Array(repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...m where !used[j] {
                    let cost = (top - weights[i0 - 1][j - 1]) - u[i0] - v[j]
                    if cost < minv[j] {
                        minv[j] = cost
                        way[j] = j0
                    }
                    if minv[j] < delta {
                        delta = minv[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[p[j]] += delta
                        v[j] -= delta
                    } else {
                        minv[j] -= delta
                    }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        return (1...m).compactMap { j in p[j] > 0 ? (p[j] - 1, j - 1) : nil }
    }
}
