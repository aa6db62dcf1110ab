import StoryText
import Writethru

/// Renderings of `parse` (what the reader understood) and `sentences`.
public enum ParseReport {
    public static func render(_ revisions: [ReadRevision], format: OutputFormat) -> String {
        switch format {
        case .json:
            let objects = revisions.map(ParsedJSON.init)
            if objects.count == 1, let only = objects.first { return JSONOutput.render(only) }
            return JSONOutput.render(objects)
        case .text:
            return revisions.map(text).joined(separator: "\n")
        }
    }

    public static func sentences(_ paragraphs: [[String]], format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(paragraphs)
        case .text: return paragraphs.map { $0.map { $0 + "\n" }.joined() }.joined(separator: "\n")
        }
    }

    /// `sentences` of what the reader read: each revision's paragraphs split into sentences.
    /// Several revisions (JSON) print one after the other, a line `==` between them; in JSON,
    /// one array of paragraphs each.
    public static func sentences(of revisions: [ReadRevision], format: OutputFormat) -> String {
        let split = revisions.map { $0.revision.paragraphs.map(SentenceSegmenter.sentences) }
        if split.count == 1, let only = split.first { return sentences(only, format: format) }
        switch format {
        case .json: return JSONOutput.render(split)
        case .text: return split.map { sentences($0, format: .text) }.joined(separator: "\n==\n\n")
        }
    }

    private static func text(_ read: ReadRevision) -> String {
        let revision = read.revision
        var rows: [[String]] = [["format", read.format.rawValue + (read.line.map { " (line \($0))" } ?? "")]]
        rows.append(["tag", revision.tag ?? "-"])
        rows.append(["headline", revision.headline])
        rows.append(["advisory", revision.advisory?.text ?? "-"])
        for item in revision.advisory?.items ?? [] {
            let numbers = item.paragraphs.map(String.init).joined(separator: ", ")
            let paragraphs = item.paragraphs.isEmpty ? "" : " (paragraph " + numbers + ")"
            rows.append(["  item", (item.verb ?? "?") + ": " + item.object + paragraphs])
        }
        rows.append(["byline", revision.byline ?? "-"])
        rows.append(["authors", revision.authors.isEmpty ? "-" : revision.authors.joined(separator: "; ")])
        let dateline = revision.dateline.map { dateline in
            [dateline.place, dateline.date, dateline.agency].compactMap { $0 }.joined(separator: ", ")
        }
        rows.append(["dateline", dateline ?? "-"])
        rows.append(["published", Timestamp.published(revision) ?? "-"])
        rows.append(["updated", revision.updated.map(Timestamp.format) ?? "-"])
        rows.append(["url", revision.url ?? "-"])
        if let story = revision.story { rows.append(["story", story]) }
        for credit in revision.credits { rows.append(["credits", credit]) }
        var out = Columns.render(rows)
        out += "\nparagraphs (\(revision.paragraphs.count))\n"
        for (number, paragraph) in revision.paragraphs.enumerated() {
            let sentences = SentenceSegmenter.sentences(paragraph)
            for (index, sentence) in sentences.enumerated() {
                out += (index == 0 ? String(number + 1).leftPadded(to: 4) : "    ") + "  " + sentence + "\n"
            }
        }
        out += "\nremoved (\(revision.removed.count))\n"
        out += Columns.render(revision.removed.map { ["  " + $0.rule, $0.text] })
        return out
    }
}
