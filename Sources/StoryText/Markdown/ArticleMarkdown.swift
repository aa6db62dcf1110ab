/// The normalized text of a revision as stored in `article.md`: the headline as a level-one
/// heading, then one paragraph per block. Metadata lives in `meta.json`, not here, so that
/// plain `git diff` of article.md shows only what readers read.
public enum ArticleMarkdown {
    /// The `article.md` of `revision`.
    ///
    /// - Complexity: O(n) in the length of its text.
    public static func render(_ revision: Revision) -> String {
        var out = "# " + revision.headline + "\n"
        for paragraph in revision.paragraphs {
            out += "\n" + paragraph + "\n"
        }
        return out
    }
}

extension ArticleMarkdown {
    /// The paragraphs of an `article.md` (the headline line left out).
    ///
    /// - Complexity: O(n) in the length of the markdown.
    public static func paragraphs(of markdown: String) -> [String] {
        // Blocks of consecutive non-empty lines; the first block is the headline. Scanned as
        // contiguous bytes ("\n" never occurs inside a multi-byte character): a block is the
        // bytes from its first line's start to its last line's end, "\n"s between included.
        var text = markdown
        return text.withUTF8 { bytes in
            var blocks: [String] = []
            var blockStart: Int?
            var blockEnd = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if lineEnd == lineStart {
                    if let start = blockStart {
                        blocks.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<blockEnd]), as: UTF8.self))
                    }
                    blockStart = nil
                } else {
                    if blockStart == nil { blockStart = lineStart }
                    blockEnd = lineEnd
                }
                lineStart = lineEnd + 1
            }
            if let start = blockStart {
                blocks.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<blockEnd]), as: UTF8.self))
            }
            return Array(blocks.dropFirst())
        }
    }
}

extension ArticleMarkdown {
    /// The headline of an `article.md` (its first line without the `# `).
    ///
    /// - Complexity: O(n) in the length of the first line.
    public static func headline(of markdown: String) -> String {
        let first = markdown.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return first.hasPrefix("# ") ? String(first.dropFirst(2)) : first
    }
}
