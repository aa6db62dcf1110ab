/// Wire conventions read from the top and bottom of a story's paragraphs, whatever the input
/// format: header lines (Published/Updated times, copyright, advisory line, byline, AP slug),
/// the dateline of the first paragraph, and credit lines.
enum WireMetadata {
    /// How many leading paragraphs may be header lines.
    static let headerDepth = 8

    /// Moves metadata out of `paragraphs` into `revision`; returns the story's paragraphs.
    static func apply(_ paragraphs: [String], to revision: inout Revision, options: ReadingOptions) -> [String] {
        var body = paragraphs[...]
        var consumed = 0
        while let first = body.first, consumed < headerDepth, readHeader(first, into: &revision, options: options) {
            body = body.dropFirst()
            consumed += 1
        }
        var result = Array(body)
        if let first = result.first, let (dateline, rest) = DatelineParser.split(first) {
            revision.dateline = dateline
            result[0] = rest
        }
        var story: [String] = []
        for paragraph in result {
            if CreditLine.matches(paragraph) {
                revision.credits.append(paragraph)
            } else if !paragraph.isEmpty {
                story.append(paragraph)
            }
        }
        return story
    }

    /// Reads one header line into `revision`; false when the line is not a header line.
    static func readHeader(_ line: String, into revision: inout Revision, options: ReadingOptions) -> Bool {
        if let (label, value) = timeLine(line) {
            guard let stated = TimeParsing.parseStated(value, options: options) else { return false }
            let date = stated.date
            if label == "published" {
                if revision.published == nil {
                    revision.published = date
                    // The offset the line wrote the time in ("Published 11/03/2021 06:06 am EST"),
                    // kept beside the instant; none when it named no zone.
                    revision.publishedOffset = stated.offsetSeconds
                }
            } else {
                revision.updated = revision.updated ?? date
            }
            return true
        }
        if isCopyright(line) {
            revision.removed.append(RemovedText(text: line, rule: "copyright"))
            return true
        }
        if let tag = WireTag.apTag(in: line), line.utf8.count <= 160 {
            revision.tag = revision.tag ?? tag
            revision.removed.append(RemovedText(text: line, rule: "ap-slug"))
            return true
        }
        if isAdvisory(line) {
            let text = revision.advisory.map { $0.text + " " + line } ?? line
            revision.advisory = Advisory(text: text)
            return true
        }
        if revision.byline == nil, let authors = Byline.authors(line) {
            revision.byline = line
            // The printed byline names everyone; page metadata often names only the first.
            if authors.count >= revision.authors.count { revision.authors = authors }
            return true
        }
        return false
    }

    static func isHeaderLine(_ line: String) -> Bool {
        timeLine(line) != nil || isCopyright(line) || WireTag.apTag(in: line) != nil || isAdvisory(line)
            || Byline.authors(line) != nil
    }

    static let timeLinePattern = Pattern(#"^(?i)(published|updated|last updated|posted)(?: on)?:?\s+(.+)$"#)
    static let copyrightPattern = Pattern(#"^(?i)(copyright|\(c\))\s*(©|\(c\))?\s*\d{4}"#)

    static func timeLine(_ line: String) -> (String, String)? {
        guard let first = line.first, "PpUuLl".contains(first), line.utf8.count <= 160 else { return nil }
        let matched: (String, String)?
        if let byHand = WireMatchers.timeLine(line) {
            matched = byHand
        } else {
            matched = timeLinePattern.firstMatch(in: line).flatMap { match in match[1].flatMap { label in match[2].map { (label, $0) } } }
        }
        guard let (printed, value) = matched else { return nil }
        let label = printed.lowercased()
        return (label == "published" || label == "posted" ? "published" : "updated", value)
    }

    /// "© Reuters.", "Copyright 2024 Wire", "(c) 2024 ...": short, and a © or a year follows.
    static func isCopyright(_ line: String) -> Bool {
        guard line.utf8.count <= 120, let first = line.first else { return false }
        return first == "©" || ("Cc(".contains(first) && copyrightPattern.firstMatch(in: line) != nil)
    }

    /// `(Adds Chinese confirmation of talks, comment)`: one bracketed line, no nested brackets,
    /// starting with a word an editor's note starts with.
    static func isAdvisory(_ line: String) -> Bool {
        guard line.hasPrefix("("), line.hasSuffix(")"), line.utf8.count >= 5, line.utf8.count <= 600,
              !line.dropFirst().dropLast().contains("(") else { return false }
        let inner = line.dropFirst().drop { $0 == " " }
        let firstWord = inner.prefix { $0.isLetter || $0 == "'" }.lowercased()
        return AdvisoryParser.verbs.contains { $0.0 == firstWord || $0.0.hasPrefix(firstWord + " ") }
            || ["eds", "editors", "editor's", "corrected", "refiled", "repeats", "recasts"].contains(firstWord)
    }
}
