import Foundation

/// Lays rows out in columns separated by two spaces; the last column is never padded. Cells
/// hold names and headlines from inputs: they are printed terminal-safe (`TerminalSafe`).
enum Columns {
    /// - Complexity: O(c) in the characters of all cells: one pass for the widths, one to pad.
    static func render(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.map(TerminalSafe.escape) }
        guard let width = rows.map(\.count).max(), width > 0 else { return "" }
        var widths = Array(repeating: 0, count: width)
        for row in rows {
            for (i, cell) in row.enumerated() where i < width - 1 { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
    }
}
