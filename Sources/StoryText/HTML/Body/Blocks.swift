/// Paragraph text inside a set of elements: block elements start new paragraphs, `<br><br>`
/// splits one, furniture and pruned containers are skipped, `<h1>` (the headline) is left out,
/// and blocks that are mostly links (link lists) are dropped. The walk is a loop over the flat
/// tree, so nesting depth costs no stack.
///
/// - Complexity: O(s) for the s nodes below the elements.
struct Blocks {
    let statistics: PageStatistics
    /// Containers to skip with all they hold (from `ContentCleaner`).
    var prunes: (Int) -> Bool = { _ in false }

    func paragraphs(of roots: [Int]) -> [String] {
        var collector = Collector()
        let tree = statistics.tree
        for root in roots {
            collector.flush()
            var open: [Int] = []
            var links: [Int] = []
            var i = root + 1
            let end = tree.ends[root]
            while i < end {
                while let last = open.last, i >= last {
                    open.removeLast()
                    collector.flush()
                }
                while let last = links.last, i >= last { links.removeLast() }
                if tree.kinds[i] == .text {
                    if !statistics.hidden[i] { collector.append(tree.texts[i], inLink: !links.isEmpty) }
                    i += 1
                    continue
                }
                let name = tree.names[i]
                if statistics.hidden[i] || name == "h1" || prunes(i) {
                    i = tree.ends[i]
                    continue
                }
                if name == "br" {
                    collector.buffer += "\n"
                } else if statistics.isBlock[i] {
                    collector.flush()
                    open.append(tree.ends[i])
                } else if name == "a" {
                    links.append(tree.ends[i])
                }
                i += 1
            }
            collector.flush()
        }
        return collector.paragraphs
    }

    struct Collector {
        var paragraphs: [String] = []
        var buffer = ""
        var linkCharacters = 0

        mutating func append(_ text: String, inLink: Bool) {
            buffer += text
            if inLink { linkCharacters += PageStatistics.measure(text).length }
        }

        mutating func flush() {
            defer {
                buffer = ""
                linkCharacters = 0
            }
            guard !buffer.isEmpty else { return }
            let pieces = Self.pieces(of: buffer).map(TextReader.normalizeSpaces).filter { !$0.isEmpty }
            let total = pieces.reduce(0) { $0 + PageStatistics.measure($1).length }
            if total > 0, linkCharacters * 10 > total * 6 { return }
            paragraphs += pieces
        }

        /// `text` cut at each blank line (two line breaks in a row: `<br><br>`).
        ///
        /// - Complexity: O(n) in the text's bytes.
        static func pieces(of text: String) -> [Substring] {
            // Offsets on the string's own bytes; a native string's UTF-8 indices are offsets.
            let offsets: [Int]? = text.utf8.withContiguousStorageIfAvailable { bytes in
                var cuts: [Int] = []
                var previousBreak = false
                for (offset, byte) in bytes.enumerated() {
                    guard byte == 0x0A else {
                        previousBreak = false
                        continue
                    }
                    if previousBreak {
                        cuts.append(offset)
                        previousBreak = false
                    } else {
                        previousBreak = true
                    }
                }
                return cuts
            }
            guard let offsets else { return piecesByIndex(of: text) }
            let utf8 = text.utf8
            var pieces: [Substring] = []
            pieces.reserveCapacity(offsets.count + 1)
            var start = utf8.startIndex
            for offset in offsets {
                // The blank line is the two line feeds at offset - 1 and offset.
                let previous = utf8.index(utf8.startIndex, offsetBy: offset - 1)
                pieces.append(text[start..<previous])
                start = utf8.index(previous, offsetBy: 2)
            }
            pieces.append(text[start...])
            return pieces
        }

        /// `pieces(of:)` by string indices, for text whose bytes are not in one piece.
        static func piecesByIndex(of text: String) -> [Substring] {
            var pieces: [Substring] = []
            var start = text.startIndex
            var previousBreak: String.Index?
            for index in text.utf8.indices {
                guard text.utf8[index] == 0x0A else {
                    previousBreak = nil
                    continue
                }
                if let previous = previousBreak {
                    pieces.append(text[start..<previous])
                    start = text.utf8.index(after: index)
                    previousBreak = nil
                } else {
                    previousBreak = index
                }
            }
            pieces.append(text[start...])
            return pieces
        }
    }
}
