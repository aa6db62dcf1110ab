import Foundation

/// The short names that keep story keys unique across the archives of one export: each
/// archive's path without a trailing `.git`, cut to its last component, or to as many last
/// components as tell it from the others (`ap/2021` and `reuters/2021`).
enum ArchiveLabels {
    /// One label per path, in order; paths that are the same after standardising get `-2`, `-3`.
    /// - Complexity: O(a^2 x c) for a archives of c path components (a is a handful).
    static func labels(for paths: [String]) -> [String] {
        let parts = paths.map { path -> [String] in
            var components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents.filter { $0 != "/" }
            if let last = components.last, last.hasSuffix(".git"), last.count > 4 {
                components[components.count - 1] = String(last.dropLast(4))
            }
            return components.isEmpty ? ["archive"] : components
        }
        let deepest = parts.map(\.count).max() ?? 1
        for depth in 1...max(1, deepest) {
            let labels = parts.map { $0.suffix(depth).joined(separator: "/") }
            if Set(labels).count == labels.count { return labels }
        }
        // The same archive under two spellings: the last component, numbered.
        let labels = parts.map { $0.suffix(1).joined(separator: "/") }
        var seen: [String: Int] = [:]
        return labels.map { label in
            let copies = seen[label, default: 0] + 1
            seen[label] = copies
            return copies == 1 ? label : "\(label)-\(copies)"
        }
    }
}
