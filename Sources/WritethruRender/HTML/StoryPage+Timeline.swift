import Foundation
import StoryDiff
import StoryText
import Writethru

/// The timeline: one block per version, with its changes and the audit's findings, built from
/// each version's `UpdateDigest` and said in words ("Figure changed", "Not in the advisory").
extension StoryPage {
    public static func timelinePage(_ timeline: StoryTimeline) -> String {
        page(title: "Timeline of \(timeline.story)",
             body: header(timeline, indexLink: nil) + timelineSection(timeline, links: false), script: false)
    }

    static func timelineSection(_ timeline: StoryTimeline, links: Bool) -> String {
        var out = "<section id=\"timeline\"><h2>Timeline</h2>\n<ol class=\"timeline\">\n"
        var previous: VersionEntry?
        let zone = storyOffset(timeline)
        for (version, digest) in zip(timeline.versions, UpdateDigest.all(timeline)) {
            let entry = version.entry
            out += "<li class=\"version" + (digest.findings > 0 ? " alert" : "") + "\" id=\"v\(entry.number)\">"
                + "<div class=\"vhead\"><span class=\"vnum\">v\(entry.number)</span>"
            if let tag = entry.tag { out += " <span class=\"tag\">" + escape(tag) + "</span>" }
            out += " " + time(entry.updated, offset: offset(of: entry, story: zone))
            if let previous {
                let gap = TimelineReport.gap(entry.updated.timeIntervalSince(previous.updated))
                out += " <span class=\"gap\">" + gap + "</span>"
            }
            out += "</div>\n"
            if let before = digest.previousHeadline {
                let headline = WordDiffer.diff(before, entry.headline).ops
                out += "<div class=\"headline\">" + words(headline) + "</div>\n"
            } else {
                out += "<div class=\"headline\">" + escape(entry.headline) + "</div>\n"
            }
            if let advisory = version.advisory {
                out += "<div class=\"advisory\">" + escape(advisory.text) + "</div>\n"
            }
            guard let step = version.step, let audit = digest.audit else {
                out += "<div class=\"stats\">" + TimelineReport.firstVersion(version.paragraphs.count) + "</div></li>\n"
                previous = entry
                continue
            }
            out += stats(TimelineReport.Stats(step))
            if !digest.shown.isEmpty {
                out += "<ul class=\"changes\">" + digest.shown.map(changeItem).joined() + "</ul>\n"
            }
            if digest.ranked.count > digest.shown.count {
                out += "<details><summary>" + TimelineReport.more(digest.ranked.count - digest.shown.count)
                    + "</summary><ul class=\"changes\">" + digest.ranked.dropFirst(digest.shown.count).map(changeItem)
                    .joined() + "</ul></details>\n"
            }
            out += auditList(audit)
            if links {
                let (from, to) = (entry.number - 1, entry.number)
                out += "<a class=\"show\" href=\"#pair-\(from)-\(to)\" data-from=\"\(from)\" data-to=\"\(to)\">"
                    + "Compare with v\(from)</a>\n"
            }
            out += "</li>\n"
            previous = entry
        }
        return out + "</ol></section>\n"
    }

    /// "Paragraphs: 1 added, 1 changed, 3 merged · Claims: 1 added, 5 changed", zeros left out.
    static func stats(_ stats: TimelineReport.Stats) -> String {
        // The words of `Stats.words`, each paragraph count in its colour ("merged" as "split").
        let paragraphs = stats.paragraphCounts.map { count in
            "<span class=\"s-\(count.word == "merged" ? "split" : count.word)\">\(count.count) \(count.word)</span>"
        }
        let claims = stats.claimCounts.map { "\($0.count) \($0.word)" }
        return "<div class=\"stats\">Paragraphs: " + TimelineReport.Stats.listed(paragraphs) + " · Claims: "
            + TimelineReport.Stats.listed(claims) + "</div>\n"
    }

    /// The audit in words: how many advisory items were found, each one not found, each
    /// substantive change the advisory does not declare, each flag.
    static func auditList(_ audit: VersionAudit) -> String {
        var items: [String] = []
        let found = audit.items.filter(\.found).count
        if !audit.items.isEmpty {
            items.append("<li class=\"found\">Advisory: \(found) of " + counted(audit.items.count, "item", "items")
                         + " found</li>")
        }
        for item in audit.items where !item.found {
            items.append("<li class=\"not-found\">Advisory item not found: " + escape(item.text) + "</li>")
        }
        for change in audit.undeclared {
            items.append("<li class=\"undeclared\">Not in the advisory: " + changeText(change) + "</li>")
        }
        for flag in audit.flags { items.append("<li class=\"flag\">Flag: " + escape(flag) + "</li>") }
        return items.isEmpty ? "" : "<ul class=\"audit\">" + items.joined() + "</ul>\n"
    }

    /// One claim change as a list item: its kind in words, then what changed; its significance
    /// in words too, on hover for a substantive change (most of them, so the list is not one
    /// "substantive" after another) and written out for one of style only.
    static func changeItem(_ change: ClaimChange) -> String {
        changeItemParts(change).joined()
    }

    /// `changeItem` in two fragments: the kind and paragraph, then what changed (which pairs
    /// share wherever the paragraph stands).
    static func changeItemParts(_ change: ClaimChange) -> [String] {
        let significance = change.significance.label
        let shown = change.significance == .substantive ? ""
            : " <span class=\"sig\">" + significance.lowercased() + "</span>"
        return ["<li class=\"\(change.significance.rawValue)\" title=\"\(significance)\">" + changeHead(change),
                escape(change.detail) + shown + "</li>"]
    }

    /// "<span class="kind">Figure changed</span> ¶13 as many as 1 million → more than a million".
    static func changeText(_ change: ClaimChange) -> String {
        changeHead(change) + escape(change.detail)
    }

    private static func changeHead(_ change: ClaimChange) -> String {
        "<span class=\"kind\">" + change.kind.label + "</span> <span class=\"para\">¶\(change.paragraph)</span> "
    }
}
