import StoryDiff
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
        let sentences = zip(provenance.sentenceTexts[version - 1], provenance.sentenceBlame(version: version))
        return sentences.enumerated().flatMap { k, pair in
            zip(pair.0, pair.1).enumerated().map { s, sentence in
                Row(place: "¶\(k + 1).\(s + 1)", blame: sentence.1, text: sentence.0)
            }
        }
    }

    static func title(_ timeline: StoryTimeline, version: Int) -> String {
        let entry = timeline.versions[version - 1].entry
        return "blame of \(timeline.story) " + TimelineReport.label(entry) + "  " + Timestamp.format(entry.updated)
            + "  " + entry.headline
    }

    /// The versions that a blame names, one a line: "v2 UPDATE 1  2021-03-11T07:41:00Z".
    static func legend(_ timeline: StoryTimeline, rows: [Row]) -> [String] {
        let named = Set(rows.flatMap { row in
            [row.blame.introduced, row.blame.lastChanged] + (row.blame.reintroduced.map { [$0] } ?? [])
        })
        return named.sorted().map { number in
            let entry = timeline.versions[number - 1].entry
            return TimelineReport.label(entry) + "  " + Timestamp.format(entry.updated)
        }
    }
}
