import StoryDiff
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

    /// The claim changes of an event worth their reason beside it: not cosmetic, and not the
    /// sentence's own arrival or removal (the event says that already).
    static func reasons(_ event: LineageEvent) -> [ClaimChange] {
        event.claims.filter { $0.significance > .cosmetic && ![.claimAdded, .claimRemoved].contains($0.kind) }
    }

    static func related(_ event: LineageEvent, _ word: String) -> String {
        guard !event.related.isEmpty else { return "" }
        return (word.isEmpty ? " " : " " + word + " ") + event.related.map { "s\($0)" }.joined(separator: ", ")
    }

    /// The identity that carries the sentence's text in the latest version: itself, or the
    /// sentence it was merged into (followed through later merges); nil when it is gone.
    ///
    /// - Complexity: O(s + m): a set of the latest version's s sentences, then one step per merge
    ///   followed; an identity seen twice ends the walk, so a malformed chain cannot loop.
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
}
