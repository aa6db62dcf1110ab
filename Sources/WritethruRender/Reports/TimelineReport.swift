import Foundation
import StoryDiff
import StoryText
import Writethru

/// The formats of the story reports: timeline, blame and history.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html
}

/// How a terminal report is drawn.
public struct TextStyle: Sendable {
    public var color: Bool
    public var width: Int

    public init(color: Bool = false, width: Int = 100) {
        self.color = color
        self.width = width
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
    }
}

/// `writethru timeline`: one block per version (docs/timeline.md); JSON schema
/// `writethru.timeline/1` (docs/schema/timeline.schema.json).
public enum TimelineReport {
    /// How many claim changes a version's block lists before "and N more".
    public static let shownChanges = 5

    public static func render(_ timeline: StoryTimeline, format: ReportFormat, style: TextStyle = TextStyle()) -> String {
        switch format {
        case .text: return text(timeline, style: style)
        case .json: return JSONOutput.render(TimelineJSON(timeline))
        case .markdown: return markdown(timeline)
        case .html: return StoryPage.timelinePage(timeline)
        }
    }

    // MARK: Model shared by every format

    /// Paragraph and claim counts of one update.
    struct Stats: Encodable, Equatable {
        struct Paragraphs: Encodable, Equatable {
            let total: Int, added: Int, removed: Int, changed: Int, moved: Int, split: Int, merged: Int
        }
        struct Claims: Encodable, Equatable {
            let added: Int, removed: Int, changed: Int
        }
        let paragraphs: Paragraphs
        let claims: Claims

        init(_ comparison: Comparison) {
            let diff = comparison.diff
            paragraphs = Paragraphs(total: comparison.to.paragraphs.count, added: diff.count(.added), removed: diff.count(.removed),
                                    changed: diff.count(.changed) + diff.count(.movedChanged),
                                    moved: diff.count(.moved) + diff.count(.movedChanged), split: diff.count(.split),
                                    merged: diff.count(.merged))
            let claims = comparison.claims
            self.claims = Claims(added: claims.filter { $0.kind == .claimAdded }.count,
                                 removed: claims.filter { $0.kind == .claimRemoved }.count,
                                 changed: claims.filter { ![.claimAdded, .claimRemoved, .cosmetic].contains($0.kind) }.count)
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
        .negationFlipped, .quantityChanged, .dateChanged, .attributionSourceChanged, .attributionCueChanged, .quoteAltered,
        .quoteRemoved, .entityReplaced, .entityRemoved, .hedgeAdded, .hedgeRemoved, .quoteAdded, .entityAdded, .claimRemoved,
        .claimAdded, .reworded, .cosmetic,
    ]

    /// The claim changes of an update worth listing (not cosmetic), most significant first
    /// (then by kind, then by paragraph); a sentence with many changes gives at most two of the
    /// first `shownChanges`, so that one rewritten lead does not hide the rest of the update.
    static func ranked(_ changes: [ClaimChange]) -> [ClaimChange] {
        let rank = Dictionary(uniqueKeysWithValues: priority.enumerated().map { ($1, $0) })
        let sorted = changes.enumerated().sorted { a, b in
            let x = (a.element.significance, -(rank[a.element.kind] ?? 0), -a.element.paragraph, -a.offset)
            let y = (b.element.significance, -(rank[b.element.kind] ?? 0), -b.element.paragraph, -b.offset)
            return x > y
        }.map(\.element).filter { $0.significance > .cosmetic }
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

    static func quoted(_ sentence: String, limit: Int = 90) -> String {
        let cut = sentence.count > limit ? String(sentence.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…" : sentence
        return "“" + cut + "”"
    }

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

    // MARK: Text

    static func text(_ timeline: StoryTimeline, style: TextStyle) -> String {
        var out = DiffReport.wrap(header(timeline), width: max(20, style.width)).joined(separator: "\n  ") + "\n"
        var previous: VersionEntry?
        for version in timeline.versions {
            let entry = version.entry
            out += "\n"
            var head = [style.paint(label(entry), "1"), Timestamp.format(entry.updated)]
            if let previous { head.append("(" + gap(entry.updated.timeIntervalSince(previous.updated)) + ")") }
            out += head.joined(separator: "  ") + "\n"
            var lines: [String] = []
            if let step = version.step, step.from.headline != step.to.headline {
                lines.append("headline: " + DiffReport.inline(WordDiffer.diff(step.from.headline, step.to.headline).ops,
                                                              style: DiffStyle(color: style.color)))
            } else {
                lines.append(entry.headline)
            }
            if let advisory = version.advisory { lines.append(advisory.text) }
            guard let step = version.step, let audit = version.audit else {
                lines.append(firstVersion(version.paragraphs.count))
                out += block(lines, style: style)
                previous = entry
                continue
            }
            lines.append(Stats(step).line)
            let ranked = ranked(step.claims)
            for change in ranked.prefix(shownChanges) {
                lines.append(style.paint("* ", change.significance == .substantive ? "33" : "2") + summary(change))
            }
            if ranked.count > shownChanges { lines.append("  … and " + more(ranked.count - shownChanges)) }
            for line in auditLines(audit) {
                lines.append(line.kind == "found" ? line.text : style.paint(line.text, "31"))
            }
            out += block(lines, style: style)
            previous = entry
        }
        return out
    }

    static func header(_ timeline: StoryTimeline) -> String {
        let count = timeline.versions.count
        guard let first = timeline.versions.first?.entry, let last = timeline.versions.last?.entry else {
            return "\(timeline.story): no versions"
        }
        return "\(timeline.story): \(count) version\(count == 1 ? "" : "s"), " + Timestamp.format(first.updated) + " to "
            + Timestamp.format(last.updated)
    }

    /// Lines indented by four spaces, each wrapped to the width with a hanging indent.
    static func block(_ lines: [String], style: TextStyle) -> String {
        lines.map { line in
            let hang = line.hasPrefix("* ") || line.hasPrefix("\u{1B}") ? "      " : "    "
            let wrapped = DiffReport.wrap(line, width: max(20, style.width - hang.count))
            return wrapped.enumerated().map { ($0.offset == 0 ? "    " : hang) + $0.element }.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    static func markdown(_ timeline: StoryTimeline) -> String {
        var out = "# Timeline of " + DiffReport.escapeMarkdown(timeline.story.value) + "\n\n" + DiffReport.escapeMarkdown(header(timeline)) + "\n"
        var previous: VersionEntry?
        for version in timeline.versions {
            let entry = version.entry
            out += "\n## " + DiffReport.escapeMarkdown(label(entry)) + " · " + Timestamp.format(entry.updated)
            if let previous { out += " (" + gap(entry.updated.timeIntervalSince(previous.updated)) + ")" }
            out += "\n\n**" + DiffReport.escapeMarkdown(entry.headline) + "**\n\n"
            var bullets: [String] = []
            if let step = version.step, step.from.headline != step.to.headline {
                bullets.append("headline was: " + DiffReport.escapeMarkdown(step.from.headline))
            }
            if let advisory = version.advisory { bullets.append("advisory: " + DiffReport.escapeMarkdown(advisory.text)) }
            if let step = version.step, let audit = version.audit {
                bullets.append(Stats(step).line)
                let ranked = ranked(step.claims)
                for change in ranked.prefix(shownChanges) {
                    bullets.append("**\(change.kind.rawValue)** " + DiffReport.escapeMarkdown(summary(change, kind: false)))
                }
                if ranked.count > shownChanges { bullets.append("… and " + more(ranked.count - shownChanges)) }
                bullets += auditLines(audit).map { DiffReport.escapeMarkdown($0.text) }
            } else {
                bullets.append(firstVersion(version.paragraphs.count))
            }
            out += bullets.map { "- " + $0 + "\n" }.joined()
            previous = entry
        }
        return out
    }
}

/// `timeline --format json`, schema `writethru.timeline/1`.
struct TimelineJSON: Encodable {
    struct Item: Encodable { let text: String; let status: String }
    struct Audit: Encodable { let items: [Item]; let undeclared: [ClaimJSON]; let flags: [String] }
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        let headline: String
        @Nullable var previousHeadline: String?
        @Nullable var advisory: String?
        let updated: String, recorded: String, commit: String
        @Nullable var sincePrevious: Int?
        let paragraphs: Int
        @Nullable var stats: TimelineReport.Stats?
        let changes: [ClaimJSON]
        @Nullable var audit: Audit?
    }

    let schema = "writethru.timeline/1"
    let story: String
    let versions: [Version]

    init(_ timeline: StoryTimeline) {
        story = timeline.story.value
        var previous: VersionEntry?
        var versions: [Version] = []
        for version in timeline.versions {
            let entry = version.entry
            let step = version.step
            let headlineChanged = step.map { $0.from.headline != $0.to.headline } ?? false
            versions.append(Version(
                number: entry.number, tag: entry.tag, headline: entry.headline,
                previousHeadline: headlineChanged ? step?.from.headline : nil, advisory: entry.advisory,
                updated: Timestamp.format(entry.updated), recorded: Timestamp.format(entry.recorded), commit: entry.commit.hex,
                sincePrevious: previous.map { Int(entry.updated.timeIntervalSince($0.updated).rounded()) },
                paragraphs: version.paragraphs.count, stats: step.map(TimelineReport.Stats.init),
                changes: (step?.claims ?? []).map(ClaimJSON.init),
                audit: version.audit.map { audit in
                    Audit(items: audit.items.map { Item(text: $0.text, status: $0.found ? "found" : "not-found") },
                          undeclared: audit.undeclared.map(ClaimJSON.init), flags: audit.flags)
                }))
            previous = entry
        }
        self.versions = versions
    }
}
