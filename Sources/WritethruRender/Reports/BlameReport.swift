import Foundation
import StoryDiff
import StoryText
import Writethru

/// `writethru blame`: each paragraph (or sentence) of a version with the version that
/// introduced it and the one that last changed it. JSON schema `writethru.blame/1`.
public enum BlameReport {
    public static func render(_ timeline: StoryTimeline, version: Int, sentences: Bool, format: ReportFormat,
                              style: TextStyle = TextStyle()) -> String {
        switch format {
        case .text: return text(timeline, version: version, sentences: sentences, style: style)
        case .json: return JSONOutput.render(BlameJSON(timeline, version: version))
        case .markdown: return markdown(timeline, version: version, sentences: sentences)
        case .html: return StoryPage.blamePage(timeline, version: version)
        }
    }

    /// One row: where the text is (¶3 or ¶3.2), its blame and its text.
    struct Row {
        let place: String
        let blame: Blame
        let text: String
    }

    static func rows(_ timeline: StoryTimeline, version: Int, sentences: Bool) -> [Row] {
        let paragraphs = timeline.versions[version - 1].paragraphs
        let provenance = timeline.provenance
        guard sentences else {
            return zip(paragraphs, provenance.paragraphBlame(version: version)).enumerated().map {
                Row(place: "¶\($0.offset + 1)", blame: $0.element.1, text: $0.element.0)
            }
        }
        return zip(provenance.sentenceTexts[version - 1], provenance.sentenceBlame(version: version)).enumerated().flatMap { k, pair in
            zip(pair.0, pair.1).enumerated().map { s, sentence in
                Row(place: "¶\(k + 1).\(s + 1)", blame: sentence.1, text: sentence.0)
            }
        }
    }

    static func title(_ timeline: StoryTimeline, version: Int) -> String {
        let entry = timeline.versions[version - 1].entry
        return "blame of \(timeline.story) " + TimelineReport.label(entry) + "  " + Timestamp.format(entry.updated) + "  " + entry.headline
    }

    /// The versions that a blame names, one a line: "v2 UPDATE 1  2021-03-11T07:41:00Z".
    static func legend(_ timeline: StoryTimeline, rows: [Row]) -> [String] {
        let named = Set(rows.flatMap { [$0.blame.introduced, $0.blame.lastChanged] + ($0.blame.reintroduced.map { [$0] } ?? []) })
        return named.sorted().map { number in
            let entry = timeline.versions[number - 1].entry
            return TimelineReport.label(entry) + "  " + Timestamp.format(entry.updated)
        }
    }

    static func text(_ timeline: StoryTimeline, version: Int, sentences: Bool, style: TextStyle) -> String {
        let rows = rows(timeline, version: version, sentences: sentences)
        var out = DiffReport.wrap(title(timeline, version: version), width: max(20, style.width)).joined(separator: "\n  ") + "\n" + legend(timeline, rows: rows).map { "  " + $0 }.joined(separator: "\n") + "\n\n"
        let placeWidth = rows.map(\.place.count).max() ?? 2
        let head = "intro  last   back   " + "¶".padding(toLength: placeWidth, withPad: " ", startingAt: 0) + "  text"
        out += style.paint(head, "2") + "\n"
        let indent = 21 + placeWidth + 2
        for row in rows {
            let columns = ["v\(row.blame.introduced)", "v\(row.blame.lastChanged)", row.blame.reintroduced.map { "v\($0)" } ?? "·"]
                .map { $0.padding(toLength: 5, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            let prefix = columns + "  " + row.place.padding(toLength: placeWidth, withPad: " ", startingAt: 0) + "  "
            let lines = DiffReport.wrap(row.text, width: max(20, style.width - indent))
            let painted = row.blame.lastChanged == version ? style.paint(prefix, "33") : prefix
            out += painted + lines.joined(separator: "\n" + String(repeating: " ", count: indent)) + "\n"
        }
        return out
    }

    static func markdown(_ timeline: StoryTimeline, version: Int, sentences: Bool) -> String {
        let rows = rows(timeline, version: version, sentences: sentences)
        var out = "# " + DiffReport.escapeMarkdown(title(timeline, version: version)) + "\n\n"
        out += legend(timeline, rows: rows).map { "- " + DiffReport.escapeMarkdown($0) }.joined(separator: "\n") + "\n\n"
        out += "| introduced | last changed | back in | ¶ | text |\n| --- | --- | --- | --- | --- |\n"
        for row in rows {
            out += "| v\(row.blame.introduced) | v\(row.blame.lastChanged) | " + (row.blame.reintroduced.map { "v\($0)" } ?? "")
                + " | " + row.place + " | " + DiffReport.escapeMarkdown(row.text) + " |\n"
        }
        return out
    }
}

/// `blame --format json`, schema `writethru.blame/1`: paragraphs and their sentences.
struct BlameJSON: Encodable {
    struct Sentence: Encodable {
        let text: String, introduced: Int, lastChanged: Int
        @Nullable var reintroduced: Int?
    }
    struct Paragraph: Encodable {
        let number: Int, text: String, introduced: Int, lastChanged: Int
        @Nullable var reintroduced: Int?
        let sentences: [Sentence]
    }
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        let updated: String, commit: String, headline: String
    }

    let schema = "writethru.blame/1"
    let story: String
    let version: Version
    let versions: [Version]
    let paragraphs: [Paragraph]

    init(_ timeline: StoryTimeline, version number: Int) {
        func describe(_ entry: VersionEntry) -> Version {
            Version(number: entry.number, tag: entry.tag, updated: Timestamp.format(entry.updated), commit: entry.commit.hex,
                    headline: entry.headline)
        }
        story = timeline.story.value
        version = describe(timeline.versions[number - 1].entry)
        versions = timeline.versions.prefix(number).map { describe($0.entry) }
        let provenance = timeline.provenance
        paragraphs = zip(zip(timeline.versions[number - 1].paragraphs, provenance.sentenceTexts[number - 1]),
                         zip(provenance.paragraphBlame(version: number), provenance.sentenceBlame(version: number)))
            .enumerated().map { k, item in
                let ((text, sentences), (blame, sentenceBlame)) = item
                return Paragraph(number: k + 1, text: text, introduced: blame.introduced, lastChanged: blame.lastChanged,
                                 reintroduced: blame.reintroduced,
                                 sentences: zip(sentences, sentenceBlame).map {
                                     Sentence(text: $0.0, introduced: $0.1.introduced, lastChanged: $0.1.lastChanged,
                                              reintroduced: $0.1.reintroduced)
                                 })
            }
    }
}
