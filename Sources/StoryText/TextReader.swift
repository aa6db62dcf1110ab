import Foundation

/// Reads plain text and scraped page text: lines before the headline (promos, slugs), the
/// headline with its version tag, header lines, then paragraphs separated by blank lines.
/// See docs/reading.md.
enum TextReader {
    /// How far down the headline may sit, in lines of text that are not furniture.
    static let headlineSearchDepth = 15
    /// Lines no longer than this inside one block are taken as a hard-wrapped paragraph.
    static let wrapWidth = 80

    static func read(_ text: String, options: ReadingOptions, filter: BoilerplateFilter) throws(ReadingError) -> Revision {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(normalizeSpaces)
        guard let headlineIndex = findHeadline(lines, filter: filter) else { throw .noHeadline }
        let (tag, headline) = WireTag.split(lines[headlineIndex])
        var revision = Revision(tag: tag, headline: headline, paragraphs: [])
        for line in lines[..<headlineIndex] where !line.isEmpty {
            if let apTag = WireTag.apTag(in: line) {
                revision.tag = revision.tag ?? apTag
                revision.removed.append(RemovedText(text: line, rule: "ap-slug"))
            } else {
                revision.removed.append(RemovedText(text: line, rule: filter.rule(for: line)?.name ?? "before-headline"))
            }
        }
        let paragraphs = blocks(lines[(headlineIndex + 1)...]).flatMap(paragraphs(of:))
        let (kept, furniture) = filter.apply(paragraphs)
        revision.removed += furniture
        revision.paragraphs = WireMetadata.apply(kept, to: &revision, options: options)
        return revision
    }

    /// Near the top, among lines that are not furniture: the first line carrying a wire
    /// version tag; else the line just above the first header line (pages print the headline
    /// right above its times or byline); else the first line.
    static func findHeadline(_ lines: [String], filter: BoilerplateFilter) -> Int? {
        let top = Array(lines.indices.filter { !lines[$0].isEmpty && filter.rule(for: lines[$0]) == nil
            && WireTag.apTag(in: lines[$0]) == nil }.prefix(headlineSearchDepth))
        if let tagged = top.first(where: { WireTag.split(lines[$0]).tag != nil }) { return tagged }
        let header = top.firstIndex { WireMetadata.timeLine(lines[$0]) != nil || Byline.authors(lines[$0]) != nil }
        if let header, header > 0 { return top[header - 1] }
        return top.first
    }

    static func normalizeSpaces<S: StringProtocol>(_ line: S) -> String {
        var out = ""
        var pendingSpace = false
        for ch in line {
            if ch == " " || ch == "\t" || ch == "\u{00A0}" || ch == "\u{FEFF}" || ch == "\u{200B}" || ch == "\n" || ch == "\r" {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
    }

    static func blocks(_ lines: ArraySlice<String>) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// A block of header lines gives one paragraph per line; a block whose lines are all short
    /// is one hard-wrapped paragraph; otherwise each line is a paragraph of its own.
    static func paragraphs(of block: [String]) -> [String] {
        if block.count > 1, block.allSatisfy(WireMetadata.isHeaderLine) { return block }
        let wrapped = block.dropLast().allSatisfy { $0.count <= wrapWidth }
        return wrapped ? [block.joined(separator: " ")] : block
    }
}
