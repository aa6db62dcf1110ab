import Foundation
import StoryDiff
import Writethru

/// `writethru timeline`: one block per version (docs/timeline.md); JSON schema
/// `writethru.timeline/1` (docs/schema/timeline.schema.json).
public enum TimelineReport {
    /// How many claim changes a version's block lists before "and N more".
    public static let shownChanges = 5

    /// With `since`, only the versions updated at or after it are shown (each still compared
    /// with the version before it); the HTML page always shows every version.
    public static func render(_ timeline: StoryTimeline, format: ReportFormat,
                              style: TextStyle = TextStyle(), since: Date? = nil) -> String {
        switch format {
        case .text: return text(timeline, style: style, since: since)
        case .json: return JSONOutput.render(TimelineJSON(timeline, since: since))
        case .markdown: return markdown(timeline, since: since)
        case .html: return StoryPage.timelinePage(timeline)
        }
    }

    /// The versions a timeline shows: all of them, or those updated at or after `since`, in order.
    /// - Complexity: O(v).
    public static func shown(_ timeline: StoryTimeline, since: Date?) -> [StoryTimeline.Version] {
        guard let since else { return timeline.versions }
        return timeline.versions.filter { $0.entry.updated >= since }
    }

    /// The version before `version` in the timeline (shown or not), nil for the first.
    static func versionBefore(_ version: StoryTimeline.Version, in timeline: StoryTimeline) -> VersionEntry? {
        let number = version.entry.number
        return number >= 2 && number - 1 <= timeline.versions.count ? timeline.versions[number - 2].entry : nil
    }

    /// Paragraph and claim counts of one update.
    struct Stats: Encodable, Equatable, Sendable {
        struct Paragraphs: Encodable, Equatable, Sendable {
            let total: Int, added: Int, removed: Int, changed: Int, moved: Int, split: Int, merged: Int
        }
        struct Claims: Encodable, Equatable, Sendable {
            let added: Int, removed: Int, changed: Int
        }
        let paragraphs: Paragraphs
        let claims: Claims

        init(_ comparison: Comparison) {
            let diff = comparison.diff
            paragraphs = Paragraphs(total: comparison.to.paragraphs.count, added: diff.count(.added),
                                    removed: diff.count(.removed),
                                    changed: diff.count(.changed) + diff.count(.movedChanged),
                                    moved: diff.count(.moved) + diff.count(.movedChanged), split: diff.count(.split),
                                    merged: diff.count(.merged))
            let claims = comparison.claims
            let changed = claims.filter { ![.claimAdded, .claimRemoved, .cosmetic].contains($0.kind) }.count
            self.claims = Claims(added: claims.filter { $0.kind == .claimAdded }.count,
                                 removed: claims.filter { $0.kind == .claimRemoved }.count, changed: changed)
        }

        /// "Paragraphs: 1 added, 1 changed, 3 merged · Claims: 1 added, 5 changed", zeros left
        /// out (the report's stat line, for feeds and posts).
        var words: String {
            "Paragraphs: " + Self.listed(paragraphCounts.map { "\($0.count) \($0.word)" })
                + " · Claims: " + Self.listed(claimCounts.map { "\($0.count) \($0.word)" })
        }

        /// The paragraph counts that are not zero, with their word ("added", ..., "merged").
        var paragraphCounts: [(count: Int, word: String)] {
            let p = paragraphs
            return [(p.added, "added"), (p.removed, "removed"), (p.changed, "changed"), (p.moved, "moved"),
                    (p.split, "split"), (p.merged, "merged")].filter { $0.0 > 0 }
        }

        /// The claim counts that are not zero, with their word ("added", "removed", "changed").
        var claimCounts: [(count: Int, word: String)] {
            [(claims.added, "added"), (claims.removed, "removed"), (claims.changed, "changed")].filter { $0.0 > 0 }
        }

        /// "1 added, 5 changed", or "none changed".
        static func listed(_ parts: [String]) -> String {
            parts.isEmpty ? "none changed" : parts.joined(separator: ", ")
        }

        var line: String {
            let p = paragraphs
            var parts = ["paragraphs +\(p.added) -\(p.removed) ~\(p.changed) >\(p.moved)"]
            if p.split > 0 { parts[0] += " split \(p.split)" }
            if p.merged > 0 { parts[0] += " merged \(p.merged)" }
            parts.append("claims +\(claims.added) -\(claims.removed) ~\(claims.changed)")
            return parts.joined(separator: "   ")
        }
    }

    /// The order in which claim changes are worth reading: what a reader would misquote first.
    static let priority: [ClaimChange.Kind] = [
        .negationFlipped, .quantityChanged, .dateChanged, .attributionSourceChanged, .attributionCueChanged,
        .quoteAltered, .quoteRemoved, .entityReplaced, .entityRemoved, .hedgeAdded, .hedgeRemoved, .quoteAdded,
        .entityAdded, .detailRemoved, .detailAdded, .claimRemoved, .claimAdded, .reworded, .cosmetic,
    ]

    /// The claim changes of an update worth listing (not cosmetic), most significant first
    /// (then by kind, then by paragraph); a sentence with many changes gives at most two of the
    /// first `shownChanges`, so that one rewritten lead does not hide the rest of the update.
    ///
    /// - Complexity: O(n log n) in the changes (one sort, then one pass).
    static func ranked(_ changes: [ClaimChange]) -> [ClaimChange] {
        let rank = Dictionary(uniqueKeysWithValues: priority.enumerated().map { ($1, $0) })
        // More significant first, then the kind earlier in `priority`, then the earlier
        // paragraph, then the order found (which makes the order total, so the sort is stable).
        func readFirst(_ a: (offset: Int, element: ClaimChange), _ b: (offset: Int, element: ClaimChange)) -> Bool {
            let (x, y) = (a.element, b.element)
            if x.significance != y.significance { return x.significance > y.significance }
            let (kindX, kindY) = (rank[x.kind] ?? 0, rank[y.kind] ?? 0)
            if kindX != kindY { return kindX < kindY }
            if x.paragraph != y.paragraph { return x.paragraph < y.paragraph }
            return a.offset < b.offset
        }
        let sorted = changes.enumerated().sorted(by: readFirst).map(\.element).filter { $0.significance > .cosmetic }
        var first: [ClaimChange] = []
        var later: [ClaimChange] = []
        var perSentence: [String: Int] = [:]
        for change in sorted {
            let sentence = (change.old ?? "") + "\u{0}" + (change.new ?? "")
            if first.count < shownChanges, perSentence[sentence, default: 0] < 2 {
                perSentence[sentence, default: 0] += 1
                first.append(change)
            } else {
                later.append(change)
            }
        }
        return first + later
    }

    /// "4 paragraphs, first version", "1 paragraph, first version".
    static func firstVersion(_ paragraphs: Int) -> String {
        "\(paragraphs) paragraph" + (paragraphs == 1 ? "" : "s") + ", first version"
    }

    /// "3 more claim changes", "1 more claim change".
    static func more(_ count: Int) -> String {
        "\(count) more claim change" + (count == 1 ? "" : "s")
    }

    /// One line for a claim change: its kind and reason, or the sentence for an added or
    /// removed claim.
    static func summary(_ change: ClaimChange, kind: Bool = true) -> String {
        switch change.kind {
        case .claimAdded: return "¶\(change.paragraph) " + (kind ? "added: " : "") + quoted(change.new ?? "")
        case .claimRemoved: return "¶\(change.paragraph) " + (kind ? "removed: " : "") + quoted(change.old ?? "")
        default: return "¶\(change.paragraph) " + (kind ? change.kind.rawValue + ": " : "") + change.reason
        }
    }

    /// A sentence as a snippet: cut at the last word boundary within `limit` characters with
    /// "…" (`UpdateDigest.cut`), and wrapped in “ ” unless it already begins or ends with a
    /// quotation mark (a quoted sentence is not quoted twice).
    static func quoted(_ sentence: String, limit: Int = 90) -> String {
        let snippet = UpdateDigest.cut(sentence, to: limit)
        if let first = sentence.first, let last = sentence.last,
           quotationMarks.contains(first) || quotationMarks.contains(last) {
            return snippet
        }
        return "“" + snippet + "”"
    }

    /// The marks that open or close a quotation: straight, curly and angled.
    static let quotationMarks: Set<Character> = ["\"", "“", "”", "'", "‘", "’", "«", "»", "„"]

    /// The audit of an update as lines: items not found, undeclared changes, flags.
    static func auditLines(_ audit: VersionAudit) -> [(kind: String, text: String)] {
        var lines: [(String, String)] = []
        let found = audit.items.filter(\.found).count
        if !audit.items.isEmpty { lines.append(("found", "\(found) of \(audit.items.count) advisory items found")) }
        for item in audit.items where !item.found { lines.append(("not-found", "NOT FOUND: " + item.text)) }
        for change in audit.undeclared { lines.append(("undeclared", "UNDECLARED " + summary(change))) }
        for flag in audit.flags { lines.append(("flag", "FLAG: " + flag)) }
        return lines
    }

    static func label(_ entry: VersionEntry) -> String {
        "v\(entry.number)" + (entry.tag.map { " " + $0 } ?? "")
    }

    /// "+1h 35m", "+2d 3h", "+45s"; negative gaps (a version filed with an earlier time) too.
    static func gap(_ seconds: TimeInterval) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let total = Int(abs(seconds).rounded())
        let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60)
        if days > 0 { return sign + "\(days)d \(hours)h" }
        if hours > 0 { return sign + "\(hours)h \(minutes)m" }
        if minutes > 0 { return sign + "\(minutes)m" }
        return sign + "\(total % 60)s"
    }

    /// "us-china-alaska-talks: 5 versions, 2021-03-11T06:06:00Z to 2021-03-11T18:18:00Z"; with
    /// `since`, "us-china-alaska-talks: 2 of 5 versions since 2021-03-11T12:00:00Z, ... to ...".
    static func header(_ timeline: StoryTimeline, since: Date? = nil) -> String {
        let count = timeline.versions.count
        let shown = shown(timeline, since: since)
        var head = "\(timeline.story): "
        if let since {
            head += "\(shown.count) of " + counted(count, "version", "versions") + " since " + Timestamp.format(since)
        } else {
            head += counted(count, "version", "versions")
        }
        guard let first = shown.first?.entry, let last = shown.last?.entry else {
            return since == nil ? "\(timeline.story): no versions" : head
        }
        return head + ", " + Timestamp.format(first.updated) + " to " + Timestamp.format(last.updated)
    }
}
