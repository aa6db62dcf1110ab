import Foundation
import StoryDiff
import StoryText
import Writethru

/// What one version brought, said once for every place that delivers it: the timeline's block,
/// feed entries, hook events, posts and `changes` (docs/timeline.md, "The block of an update").
/// Built from a timeline's version, so every channel says what `timeline` says.
public struct UpdateDigest: Sendable {
    /// One line of the block, with what it is (so that each channel can style or drop it).
    public struct Line: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            /// "headline: ..." when the headline changed (the word diff is the renderer's), else the headline.
            case headline
            case advisory
            /// "paragraphs +3 -1 ~1 >0   claims +3 -1 ~4", or "4 paragraphs, first version".
            case stats
            /// One of the most significant claim changes.
            case change
            /// "… and 3 more claim changes".
            case more
            /// "3 of 3 advisory items found".
            case found
            case notFound = "not-found"
            case undeclared
            case flag
        }
        public let kind: Kind
        public let text: String
        /// For a `change` line: whether the change is substantive.
        public var substantive = false
    }

    public let story: StoryID
    public let entry: VersionEntry
    /// The headline of the version before, when this version changed it.
    public let previousHeadline: String?
    /// The claim changes worth reading, most significant first (`TimelineReport.ranked`), all of them.
    public let ranked: [ClaimChange]
    /// The audit of the update (nil for a first version).
    public let audit: VersionAudit?
    /// Paragraph and claim counts (nil for a first version).
    let stats: TimelineReport.Stats?
    let paragraphs: Int

    public init(story: StoryID, version: StoryTimeline.Version) {
        self.story = story
        entry = version.entry
        audit = version.audit
        paragraphs = version.paragraphs.count
        if let step = version.step {
            previousHeadline = step.from.headline != step.to.headline ? step.from.headline : nil
            ranked = TimelineReport.ranked(step.claims)
            stats = TimelineReport.Stats(step)
        } else {
            previousHeadline = nil
            ranked = []
            stats = nil
        }
    }

    /// Every update of a timeline, first version included.
    public static func all(_ timeline: StoryTimeline) -> [UpdateDigest] {
        timeline.versions.map { UpdateDigest(story: timeline.story, version: $0) }
    }

    /// "UPDATE 3", or "v4" for a version with no tag.
    public var label: String { entry.tag ?? "v\(entry.number)" }

    /// Whether this is the story's first version.
    public var isFirst: Bool { stats == nil }

    /// The changes shown in the block: the first `TimelineReport.shownChanges` of `ranked`.
    public var shown: ArraySlice<ClaimChange> { ranked.prefix(TimelineReport.shownChanges) }

    /// How many undeclared changes, items not found and flags the audit reports.
    public var findings: Int {
        guard let audit else { return 0 }
        return audit.undeclared.count + audit.items.filter { !$0.found }.count + audit.flags.count
    }

    /// How the lines name what changed.
    public enum Wording: Sendable {
        /// As the timeline prints them, with the machine names JSON keeps: "¶6
        /// attribution-cue-changed: attribution cue changed (said -> confirmed)", "UNDECLARED ...".
        case machine
        /// In words, for people reading a feed or a post: "¶6 Attribution wording changed: said
        /// → confirmed", "Not in the advisory: ¶1 Date changed: March 19 → March 18"
        /// (`ClaimChange.Kind.label`, `ClaimChange.detail`; the report's words).
        case words
    }

    /// The block's lines, in the order the timeline prints them (`lines(.machine)`).
    public var lines: [Line] { lines(.machine) }

    /// The block's lines, in the order the timeline prints them, worded as asked; the headline
    /// line holds the new headline (the renderer adds the word diff from `previousHeadline`).
    public func lines(_ wording: Wording) -> [Line] {
        var lines = [Line(kind: .headline, text: entry.headline)]
        if let advisory = entry.advisory { lines.append(Line(kind: .advisory, text: advisory)) }
        guard let stats, let audit else {
            lines.append(Line(kind: .stats, text: TimelineReport.firstVersion(paragraphs)))
            return lines
        }
        lines.append(Line(kind: .stats, text: wording == .words ? stats.words : stats.line))
        for change in shown {
            lines.append(Line(kind: .change, text: Self.summary(change, wording),
                              substantive: change.significance == .substantive))
        }
        if ranked.count > shown.count {
            lines.append(Line(kind: .more, text: "… and " + TimelineReport.more(ranked.count - shown.count)))
        }
        guard wording == .words else {
            for line in TimelineReport.auditLines(audit) {
                lines.append(Line(kind: Line.Kind(rawValue: line.kind) ?? .flag, text: line.text))
            }
            return lines
        }
        if !audit.items.isEmpty {
            let found = audit.items.filter(\.found).count
            lines.append(Line(kind: .found, text: "\(found) of \(audit.items.count) advisory items found"))
        }
        for item in audit.items where !item.found {
            lines.append(Line(kind: .notFound, text: "Advisory item not found: " + item.text))
        }
        for change in audit.undeclared {
            lines.append(Line(kind: .undeclared, text: "Not in the advisory: " + Self.summary(change, .words)))
        }
        for flag in audit.flags { lines.append(Line(kind: .flag, text: "Flag: " + flag)) }
        return lines
    }

    /// One claim change as a line: the timeline's ("¶13 quantity-changed: quantity changed (as
    /// many as 1 million -> more than a million)") or in words ("¶13 Figure changed: as many as
    /// 1 million → more than a million").
    static func summary(_ change: ClaimChange, _ wording: Wording) -> String {
        switch wording {
        case .machine: return TimelineReport.summary(change)
        case .words: return "¶\(change.paragraph) " + change.kind.label + ": " + change.detail
        }
    }

    /// The longest `title`, in characters.
    public static let titleLimit = 140

    /// One line that says what the update did, for a feed entry's title or a post's first
    /// line: "UPDATE 3: as many as 1 million Uighurs → more than a million Uighurs; adds 4
    /// claims; 1 undeclared". A first version gives its headline. Phrases that would pass
    /// `titleLimit` are dropped from the end (a single one too long is cut at a word).
    ///
    /// - Complexity: O(c) in the update's claim changes.
    public var title: String {
        let head = label + ": "
        guard !isFirst else { return head + Self.cut(entry.headline, to: Self.titleLimit - head.count) }
        var phrases = changePhrases
        if findings > 0, let audit {
            var flags: [String] = []
            if !audit.undeclared.isEmpty { flags.append("\(audit.undeclared.count) undeclared") }
            let notFound = audit.items.filter { !$0.found }.count
            if notFound > 0 { flags.append("\(notFound) advisory " + (notFound == 1 ? "item" : "items") + " not found") }
            if !audit.flags.isEmpty { flags.append(counted(audit.flags.count, "flag", "flags")) }
            phrases.append(flags.joined(separator: ", "))
        }
        var title = head
        for (index, phrase) in phrases.enumerated() {
            let separator = index == 0 ? "" : "; "
            if title.count + separator.count + phrase.count <= Self.titleLimit {
                title += separator + phrase
            } else if index == 0 {
                title += Self.cut(phrase, to: Self.titleLimit - title.count)
            } else {
                break
            }
        }
        return title
    }

    /// The update's changes as short phrases, most telling first: up to two changed values
    /// ("12 -> 15"), a new headline, then claims added and removed and other changes counted.
    var changePhrases: [String] {
        var phrases: [String] = []
        let valued = ranked.indices.filter {
            ranked[$0].significance == .substantive && ranked[$0].from != nil && ranked[$0].to != nil
        }.prefix(2)
        for index in valued {
            if let from = ranked[index].from, let to = ranked[index].to { phrases.append(from + " → " + to) }
        }
        if previousHeadline != nil { phrases.append("new headline") }
        let added = ranked.filter { $0.kind == .claimAdded }.count
        let removed = ranked.filter { $0.kind == .claimRemoved }.count
        if added > 0 { phrases.append("adds " + counted(added, "claim", "claims")) }
        if removed > 0 { phrases.append("removes " + counted(removed, "claim", "claims")) }
        let others = ranked.indices.filter { index in
            let change = ranked[index]
            return change.kind != .claimAdded && change.kind != .claimRemoved && change.significance > .cosmetic
                && !valued.contains(index)
        }.count
        if others > 0 { phrases.append(counted(others, "other change", "other changes")) }
        if phrases.isEmpty { phrases.append("no claim changed") }
        return phrases
    }

    /// `text` cut at the last word boundary within `limit` characters, with "…" (whole when it
    /// fits); spaces and punctuation before the cut are dropped, the text's start is kept as it
    /// is (an opening quotation mark stays).
    public static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        let prefix = text.prefix(limit - 1)
        var end = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        let dropped = CharacterSet.whitespaces.union(.punctuationCharacters)
        while let last = end.last, last.unicodeScalars.allSatisfy(dropped.contains) { end = end.dropLast() }
        return String(end) + "…"
    }
}
