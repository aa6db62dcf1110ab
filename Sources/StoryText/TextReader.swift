import Foundation

/// Reads plain text: an optional run of lines before the headline, the headline (with its
/// version tag), a header of times, advisory line and byline, then paragraphs separated by
/// blank lines. See docs/reading.md.
enum TextReader {
    /// How far down the headline may sit (in non-empty lines) when it carries a version tag.
    static let headlineSearchDepth = 15
    /// Lines no longer than this inside one block are taken as a hard-wrapped paragraph.
    static let wrapWidth = 80

    static func read(_ text: String, options: ReadingOptions) throws(ReadingError) -> Revision {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(normalizeSpaces)
        guard let headlineIndex = findHeadline(lines) else { throw .noHeadline }
        var removed = lines[..<headlineIndex].filter { !$0.isEmpty }.map { RemovedText(text: $0, rule: "before-headline") }
        let (tag, headline) = WireTag.split(lines[headlineIndex])
        var revision = Revision(tag: tag, headline: headline, paragraphs: [])

        var blocks = Self.blocks(lines[(headlineIndex + 1)...])
        while let block = blocks.first, readHeader(block, into: &revision, removed: &removed, options: options) {
            blocks.removeFirst()
        }
        var paragraphs = blocks.flatMap(paragraphs(of:))
        if let first = paragraphs.first, let (dateline, rest) = DatelineParser.split(first) {
            revision.dateline = dateline
            paragraphs[0] = rest
        }
        for paragraph in paragraphs {
            if CreditLine.matches(paragraph) {
                revision.credits.append(paragraph)
            } else if !paragraph.isEmpty {
                revision.paragraphs.append(paragraph)
            }
        }
        revision.removed = removed
        return revision
    }

    /// Near the top: the first line carrying a wire version tag; else the line just above
    /// the first time line or byline (pages print the headline right above them); else the
    /// first line of text.
    static func findHeadline(_ lines: [String]) -> Int? {
        let top = Array(lines.indices.filter { !lines[$0].isEmpty }.prefix(headlineSearchDepth))
        if let tagged = top.first(where: { WireTag.split(lines[$0]).tag != nil }) { return tagged }
        let header = top.firstIndex { timeLine(lines[$0]) != nil || Byline.authors(lines[$0]) != nil }
        if let header, header > 0 { return top[header - 1] }
        return top.first
    }

    static func normalizeSpaces(_ line: Substring) -> String {
        var out = ""
        var pendingSpace = false
        for ch in line {
            if ch == " " || ch == "\t" || ch == "\u{00A0}" || ch == "\u{FEFF}" {
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

    /// A block whose lines are all short is one hard-wrapped paragraph; otherwise each line
    /// is a paragraph of its own.
    static func paragraphs(of block: [String]) -> [String] {
        let wrapped = block.dropLast().allSatisfy { $0.count <= wrapWidth }
        return wrapped ? [block.joined(separator: " ")] : block
    }

    /// Consumes a block of header lines (times, copyright, advisory, byline). Returns false,
    /// consuming nothing, at the first block that is not entirely header.
    static func readHeader(_ block: [String], into revision: inout Revision, removed: inout [RemovedText],
                           options: ReadingOptions) -> Bool {
        var staged = revision
        var stagedRemoved: [RemovedText] = []
        for line in block {
            if let (label, value) = timeLine(line) {
                guard let date = TimeParsing.parse(value, options: options) else { return false }
                if label == "published" { staged.published = date } else { staged.updated = date }
            } else if isCopyright(line) {
                stagedRemoved.append(RemovedText(text: line, rule: "copyright"))
            } else if isAdvisory(line) {
                staged.advisory = staged.advisory.map { $0 + " " + line } ?? line
            } else if let authors = Byline.authors(line), staged.byline == nil {
                staged.byline = line
                staged.authors = authors
            } else {
                return false
            }
        }
        revision = staged
        removed += stagedRemoved
        return true
    }

    static func timeLine(_ line: String) -> (String, String)? {
        guard let match = line.wholeMatch(of: /(?i)(published|updated|last updated)(?: on)?:?\s+(.+)/) else { return nil }
        let label = match.1.lowercased() == "published" ? "published" : "updated"
        return (label, String(match.2))
    }

    static func isCopyright(_ line: String) -> Bool {
        line.count <= 80 && (line.hasPrefix("©") || line.lowercased().hasPrefix("copyright "))
    }

    /// `(Adds Chinese confirmation of talks, comment)`: one bracketed line that is not a
    /// dateline's agency.
    static func isAdvisory(_ line: String) -> Bool {
        line.hasPrefix("(") && line.hasSuffix(")") && line.count >= 5 && line.count <= 400
            && !line.dropFirst().dropLast().contains("(")
    }
}

/// "By Michael Martina and David Brunnstrom" -> ["Michael Martina", "David Brunnstrom"].
enum Byline {
    static func authors(_ line: String) -> [String]? {
        guard line.count <= 160, let match = line.wholeMatch(of: /(?i:by)\s+(.+)/) else { return nil }
        let names = match.1
            .replacing(/,?\s+and\s+/, with: ",")
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let looksLikeNames = names.allSatisfy { name in
            name.first?.isUppercase == true && name.split(separator: " ").count <= 5 && !name.hasSuffix(".")
        }
        return names.isEmpty || !looksLikeNames ? nil : names
    }
}

/// "WASHINGTON, March 10 (Reuters) - " at the start of the first paragraph.
enum DatelineParser {
    static func split(_ paragraph: String) -> (Dateline, String)? {
        let pattern = /([A-Z][A-Z.'’ -]*[A-Z.](?:,\s[A-Z][A-Za-z.'’ ]+)*?)(?:,\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s+\(([A-Za-z][A-Za-z .&-]{0,30})\)\s*[-–—]+\s*/
        guard let match = paragraph.prefixMatch(of: pattern) else { return nil }
        let rest = String(paragraph[match.range.upperBound...])
        guard !rest.isEmpty else { return nil }
        let dateline = Dateline(place: String(match.1), date: match.2.map(String.init), agency: String(match.3))
        return (dateline, rest)
    }
}

/// "Reporting by ...; Editing by ..." and its variants: credits, not story text.
enum CreditLine {
    static func matches(_ paragraph: String) -> Bool {
        paragraph.count <= 400
            && paragraph.prefixMatch(of: /\(?(?i:(additional\s+)?(reporting|writing|editing|compiled|produced)\s+by)\s/) != nil
    }
}
