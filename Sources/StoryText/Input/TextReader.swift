import Foundation

/// Reads plain text and scraped page text: lines before the headline (promos, slugs), the
/// headline with its version tag, header lines, then paragraphs separated by blank lines.
/// See docs/reading.md.
enum TextReader {
    /// How far down the headline may sit, in lines of text that are not furniture.
    static let headlineSearchDepth = 15
    /// Lines no longer than this inside one block are taken as a hard-wrapped paragraph.
    static let wrapWidth = 80

    /// - Complexity: O(n) in the text's length, plus one boilerplate verdict per line before the
    ///   headline and per paragraph (see `BoilerplateFilter`).
    static func read(_ text: String, options: ReadingOptions,
                     filter: BoilerplateFilter) throws(ReadingError) -> Revision {
        let lines = lines(text)
        guard let headlineIndex = findHeadline(lines, filter: filter) else { throw .noHeadline }
        try Revision.checkHeadlineLength(lines[headlineIndex])
        let (tag, headline) = WireTag.split(lines[headlineIndex])
        var revision = Revision(tag: tag, headline: headline, paragraphs: [])
        for line in lines[..<headlineIndex] where !line.isEmpty {
            if let apTag = WireTag.apTag(in: line) {
                revision.tag = revision.tag ?? apTag
                revision.removed.append(RemovedText(text: line, rule: "ap-slug"))
            } else {
                let rule = filter.rule(for: line)?.name ?? "before-headline"
                revision.removed.append(RemovedText(text: line, rule: rule))
            }
        }
        let paragraphs = blocks(lines[(headlineIndex + 1)...]).flatMap(paragraphs(of:))
        let (kept, furniture) = filter.apply(paragraphs)
        revision.removed += furniture
        revision.paragraphs = WireMetadata.apply(kept, to: &revision, options: options)
        guard !revision.paragraphs.isEmpty else {
            throw .noBody(reason: EmptyBody.reason(removed: furniture, metadataParagraphs: kept.count))
        }
        return revision
    }

    /// Near the top, among lines that are not furniture: the first line carrying a wire
    /// version tag; else the line just above the first header line (pages print the headline
    /// right above its times or byline); else the first line.
    static func findHeadline(_ lines: [String], filter: BoilerplateFilter) -> Int? {
        let top = Array(lines.indices.lazy.filter { !lines[$0].isEmpty && filter.rule(for: lines[$0]) == nil
            && WireTag.apTag(in: lines[$0]) == nil }.prefix(headlineSearchDepth))
        if let tagged = top.first(where: { WireTag.split(lines[$0]).tag != nil }) { return tagged }
        let header = top.firstIndex { WireMetadata.timeLine(lines[$0]) != nil || Byline.authors(lines[$0]) != nil }
        if let header, header > 0 { return top[header - 1] }
        return top.first
    }

    /// Collapses runs of spaces, tabs, line breaks, no-break and zero-width spaces into one
    /// space and trims both ends; other control characters (NUL, form feed, DEL, ...) count as
    /// spaces too: they carry nothing a reader sees, and git's C strings end at a NUL. Works on
    /// UTF-8 bytes: this runs on every line of every input.
    static func normalizeSpaces<S: StringProtocol>(_ line: S) -> String {
        // The line's own bytes where it has them in one piece (a String, a Substring of one):
        // no copy of a line that is already clean.
        if let result = line.utf8.withContiguousStorageIfAvailable({ normalizedSpaces($0) }) {
            return result ?? String(line)
        }
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { normalizedSpaces($0) } ?? String(decoding: bytes, as: UTF8.self)
    }

    /// `normalizeSpaces` of `bytes`, or nil when they are clean already (nothing to change).
    private static func normalizedSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        /// The length of the invisible space at `i` (0 when none): ASCII controls and space,
        /// DEL, U+00A0 (C2 A0), U+200B (E2 80 8B), U+FEFF (EF BB BF).
        func spaceLength(_ i: Int) -> Int {
            let byte = bytes[i]
            if byte <= 0x20 || byte == 0x7F { return 1 }
            if byte == 0xC2, i + 1 < count, bytes[i + 1] == 0xA0 { return 2 }
            if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x8B { return 3 }
            if byte == 0xEF, i + 2 < count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return 3 }
            return 0
        }
        // Most lines are already clean (single spaces between words, none at the ends): as is.
        var clean = true
        var previousSpace = true
        var i = 0
        while i < count {
            let length = spaceLength(i)
            if length == 0 {
                previousSpace = false
                i += 1
                continue
            }
            if length > 1 || bytes[i] != 0x20 || previousSpace {
                clean = false
                break
            }
            previousSpace = true
            i += 1
        }
        if clean, !previousSpace || count == 0 { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var pendingSpace = false
        i = 0
        while i < count {
            let length = spaceLength(i)
            if length > 0 {
                pendingSpace = true
                i += length
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lines of `text`, split at `\n` (line ends are already normalised), spaces normalised.
    static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { normalizeSpaces(Substring($0)) }
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
        let wrapped = block.dropLast().allSatisfy { $0.unicodeScalars.count <= wrapWidth }
        return wrapped ? [block.joined(separator: " ")] : block
    }
}
