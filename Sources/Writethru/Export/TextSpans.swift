/// One run of consecutive versions that printed the same text (a paragraph or a sentence),
/// compared exactly: the version that first printed it and the first later version that no
/// longer did. Text that comes back after it was removed starts a new span.
struct TextSpan: Sendable, Equatable {
    let text: String
    /// The version (1-based) that first printed the text.
    let introduced: Int
    /// The first later version (1-based) that no longer printed it; nil while the latest prints it.
    var removed: Int?
    /// Where the text stood in the version that introduced it (0-based among that version's items).
    let item: Int
    /// 1 for the first copy of the text in a version, 2 for a second copy, and so on: a version
    /// that prints a text twice holds two spans of it, and printing it once more removes the second.
    let occurrence: Int
}

/// The spans of the items (paragraphs, sentences) of every version of a story.
enum TextSpans {
    /// The spans, in the order they were introduced (version, then position), and for each
    /// item of each version the index of the span it belongs to (`rows[v][k]` for item k of
    /// version v + 1).
    ///
    /// - Complexity: O(t) hash lookups for the t items of all the versions, plus O(d) per
    ///   version for the d distinct texts alive before it.
    static func trace(_ versions: [[String]]) -> (spans: [TextSpan], rows: [[Int]]) {
        var spans: [TextSpan] = []
        var rows: [[Int]] = []
        rows.reserveCapacity(versions.count)
        /// The spans alive for each text, by occurrence.
        var alive: [String: [Int]] = [:]
        for (offset, items) in versions.enumerated() {
            let number = offset + 1
            var copies: [String: Int] = [:]
            var row: [Int] = []
            row.reserveCapacity(items.count)
            for (index, text) in items.enumerated() {
                let copy = copies[text, default: 0]
                copies[text] = copy + 1
                if let live = alive[text], copy < live.count {
                    row.append(live[copy])
                } else {
                    spans.append(TextSpan(text: text, introduced: number, removed: nil, item: index,
                                          occurrence: copy + 1))
                    alive[text, default: []].append(spans.count - 1)
                    row.append(spans.count - 1)
                }
            }
            for (text, live) in alive where live.count > copies[text, default: 0] {
                let kept = copies[text, default: 0]
                for span in live[kept...] { spans[span].removed = number }
                alive[text] = kept == 0 ? nil : Array(live[..<kept])
            }
            rows.append(row)
        }
        return (spans, rows)
    }
}
