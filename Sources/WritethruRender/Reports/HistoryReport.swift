import Foundation
import StoryDiff
import StoryText
import Writethru

/// `writethru history --claim TEXT`: the life of each sentence that holds the text. JSON
/// schema `writethru.history/1`.
public enum HistoryReport {
    public static func render(_ timeline: StoryTimeline, history: ClaimHistory, format: ReportFormat,
                              style: TextStyle = TextStyle()) -> String {
        switch format {
        case .text: return text(timeline, history: history, style: style)
        case .json: return JSONOutput.render(HistoryJSON(timeline, history: history))
        case .markdown: return markdown(timeline, history: history)
        case .html: return StoryPage.historyPage(timeline, history: history)
        }
    }

    static func title(_ timeline: StoryTimeline, history: ClaimHistory) -> String {
        let count = history.lineages.count
        let found = "\(count) sentence" + (count == 1 ? "" : "s")
        return "history of “\(history.query)” in \(timeline.story): " + found
            + (history.approximate ? " (no sentence contains it; the closest)" : "")
    }

    /// What happened, in words: "changed in ¶13", "merged into s12 in ¶12".
    static func describe(_ event: LineageEvent) -> String {
        switch event.kind {
        case .introduced: return "introduced in ¶\(event.paragraph)"
        case .reintroduced: return "reintroduced in ¶\(event.paragraph) (it had been removed)"
        case .changed, .movedChanged: return "changed in ¶\(event.paragraph)"
        case .moved: return "moved to ¶\(event.paragraph)"
        case .removed: return "removed from ¶\(event.paragraph)"
        case .split: return "split in ¶\(event.paragraph)" + related(event, "with")
        case .merged: return event.after == nil ? "merged into" + related(event, "") + " (¶\(event.paragraph) before)"
            : "merged in ¶\(event.paragraph)" + related(event, "with")
        }
    }

    static func related(_ event: LineageEvent, _ word: String) -> String {
        event.related.isEmpty ? "" : (word.isEmpty ? " " : " " + word + " ") + event.related.map { "s\($0)" }.joined(separator: ", ")
    }

    /// The identity that carries the sentence's text in the latest version: itself, or the
    /// sentence it was merged into (followed through later merges); nil when it is gone.
    static func carrier(_ lineage: Lineage, in timeline: StoryTimeline) -> Int? {
        let latest = Set(timeline.provenance.sentenceIDs.last?.flatMap { $0 } ?? [])
        var id = lineage.id
        var seen: Set<Int> = []
        while !latest.contains(id) {
            guard seen.insert(id).inserted, let last = timeline.provenance.sentences[id].events.last,
                  last.kind == .merged, last.after == nil, let into = last.related.first else { return nil }
            id = into
        }
        return id
    }

    /// Where the sentence stands in the latest version, in words.
    static func presence(_ lineage: Lineage, in timeline: StoryTimeline) -> String {
        let latest = "the latest version (v\(timeline.versions.count))"
        switch carrier(lineage, in: timeline) {
        case nil: return "not in " + latest
        case lineage.id: return "in " + latest
        case let other?: return "in " + latest + ", within s\(other)"
        }
    }

    static func text(_ timeline: StoryTimeline, history: ClaimHistory, style: TextStyle) -> String {
        var out = title(timeline, history: history) + "\n"
        let diffStyle = DiffStyle(color: style.color, width: style.width)
        let width = max(20, style.width - 8)
        for lineage in history.lineages {
            out += "\n" + style.paint("s\(lineage.id)", "1") + "  first written in v\(lineage.origin); "
                + presence(lineage, in: timeline) + "\n"
            for event in lineage.events {
                let entry = timeline.versions[event.version - 1].entry
                out += "  " + TimelineReport.label(entry).padding(toLength: 12, withPad: " ", startingAt: 0) + "  " + describe(event) + "\n"
                for change in event.claims where change.significance > .cosmetic && ![.claimAdded, .claimRemoved].contains(change.kind) {
                    out += DiffReport.wrap(change.reason, width: width).map { "        " + style.paint($0, "33") + "\n" }.joined()
                }
                let shown: String
                switch (event.before, event.after) {
                case (let before?, let after?) where before != after && event.kind != .split:
                    shown = DiffReport.inline(WordDiffer.diff(before, after).ops, style: diffStyle)
                case (_, let after?): shown = after
                case (let before?, nil): shown = event.kind == .removed ? DiffReport.inline([WordOp(.delete, before)], style: diffStyle) : before
                case (nil, nil): shown = ""
                }
                out += DiffReport.wrap(shown, width: width).map { "        " + $0 + "\n" }.joined()
            }
        }
        return out
    }

    static func markdown(_ timeline: StoryTimeline, history: ClaimHistory) -> String {
        var out = "# " + DiffReport.escapeMarkdown(title(timeline, history: history)) + "\n"
        for lineage in history.lineages {
            out += "\n## s\(lineage.id), first written in v\(lineage.origin); " + presence(lineage, in: timeline) + "\n\n"
            for event in lineage.events {
                let entry = timeline.versions[event.version - 1].entry
                out += "- **" + DiffReport.escapeMarkdown(TimelineReport.label(entry)) + "** " + describe(event)
                let reasons = event.claims.filter { $0.significance > .cosmetic && ![.claimAdded, .claimRemoved].contains($0.kind) }
                if !reasons.isEmpty { out += ": " + reasons.map { DiffReport.escapeMarkdown($0.reason) }.joined(separator: "; ") }
                out += "\n"
                if let after = event.after {
                    out += "  > " + DiffReport.escapeMarkdown(after) + "\n"
                } else if let before = event.before {
                    out += "  > ~~" + DiffReport.escapeMarkdown(before) + "~~\n"
                }
            }
        }
        return out
    }
}

/// `history --format json`, schema `writethru.history/1`.
struct HistoryJSON: Encodable {
    struct Event: Encodable {
        let version: Int
        @Nullable var tag: String?
        let updated: String, kind: String, paragraph: Int
        @Nullable var before: String?
        @Nullable var after: String?
        let related: [Int]
        let claims: [ClaimJSON]
    }
    struct Sentence: Encodable {
        let id: Int, origin: Int, inLatest: Bool
        /// The sentence that holds its text in the latest version (itself, or the one it was merged into).
        @Nullable var latestCarrier: Int?
        let events: [Event]
    }

    let schema = "writethru.history/1"
    let story: String
    let query: String
    let approximate: Bool
    let sentences: [Sentence]

    init(_ timeline: StoryTimeline, history: ClaimHistory) {
        story = timeline.story.value
        query = history.query
        approximate = history.approximate
        sentences = history.lineages.map { lineage in
            Sentence(id: lineage.id, origin: lineage.origin, inLatest: HistoryReport.carrier(lineage, in: timeline) != nil,
                     latestCarrier: HistoryReport.carrier(lineage, in: timeline),
                     events: lineage.events.map { event in
                         let entry = timeline.versions[event.version - 1].entry
                         return Event(version: event.version, tag: entry.tag, updated: Timestamp.format(entry.updated),
                                      kind: event.kind.rawValue, paragraph: event.paragraph, before: event.before, after: event.after,
                                      related: event.related, claims: event.claims.map(ClaimJSON.init))
                     })
        }
    }
}
