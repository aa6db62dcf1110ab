import Foundation
import StoryDiff
import Writethru

/// Where each sentence came from: sentences coloured by the version that introduced them.
extension StoryPage {
    public static func blamePage(_ timeline: StoryTimeline, version: Int) -> String {
        page(title: "Blame of \(timeline.story)",
             body: header(timeline, indexLink: nil) + blameSection(timeline, version: version), script: false)
    }

    static func blameSection(_ timeline: StoryTimeline, version: Int) -> String {
        guard timeline.versions.indices.contains(version - 1) else { return "" }
        let entry = timeline.versions[version - 1].entry
        var out = "<section id=\"blame\"><h2>Where each sentence came from: " + escape(TimelineReport.label(entry))
            + "</h2>\n"
        out += "<p class=\"legend\">Each sentence is coloured by the version that introduced it; "
            + "a dotted underline marks one reworded since. Hover for details.</p>\n<p class=\"legend\">"
        out += (1...version).map { number in
            let label = TimelineReport.label(timeline.versions[number - 1].entry)
            return "<span class=\"chip b\(number)\">" + escape(label) + "</span>"
        }.joined(separator: " ") + "</p>\n<div class=\"blame\">\n"
        let blame = timeline.provenance.sentenceBlame(version: version)
        for (sentences, row) in zip(timeline.provenance.sentenceTexts[version - 1], blame) {
            out += "<p>" + zip(sentences, row).map { sentence, blame in
                var title = "introduced in v\(blame.introduced)"
                if blame.lastChanged != blame.introduced { title += ", last changed in v\(blame.lastChanged)" }
                if let back = blame.reintroduced { title += ", removed and brought back in v\(back)" }
                let reworded = blame.lastChanged != blame.introduced ? " re" : ""
                return "<span class=\"b\(blame.introduced)" + reworded + "\" title=\"" + title + "\">"
                    + escape(sentence) + "</span>"
            }.joined(separator: " ") + "</p>\n"
        }
        out += "</div>\n<style>" + palette(count: version) + "</style></section>\n"
        return out
    }

    /// One light background per version, hues spread by the golden angle so neighbours differ.
    static func palette(count: Int) -> String {
        (1...max(1, count)).map { number in
            let hue = Int((Double(number - 1) * 137.508).truncatingRemainder(dividingBy: 360).rounded())
            return ".b\(number){background:hsl(\(hue),70%,88%)}"
        }.joined()
    }
}
