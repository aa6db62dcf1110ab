import Foundation
import StoryDiff
import StoryText
import Writethru

/// The timeline: one block per version, with its changes and the audit's findings.
extension StoryPage {
    public static func timelinePage(_ timeline: StoryTimeline) -> String {
        page(title: "Timeline of \(timeline.story)",
             body: header(timeline, indexLink: nil) + timelineSection(timeline, links: false), script: false)
    }

    static func timelineSection(_ timeline: StoryTimeline, links: Bool) -> String {
        var out = "<section id=\"timeline\"><h2>Timeline</h2>\n<ol class=\"timeline\">\n"
        var previous: VersionEntry?
        for version in timeline.versions {
            let entry = version.entry
            let alert = version.audit.map { audit in
                !audit.undeclared.isEmpty || !audit.flags.isEmpty || audit.items.contains { !$0.found }
            } ?? false
            out += "<li class=\"version" + (alert ? " alert" : "") + "\" id=\"v\(entry.number)\">"
                + "<div class=\"vhead\"><span class=\"vnum\">v\(entry.number)</span>"
            if let tag = entry.tag { out += " <span class=\"tag\">" + escape(tag) + "</span>" }
            let updated = Timestamp.format(entry.updated)
            out += " <time datetime=\"" + updated + "\">" + updated + "</time>"
            if let previous {
                let gap = TimelineReport.gap(entry.updated.timeIntervalSince(previous.updated))
                out += " <span class=\"gap\">" + gap + "</span>"
            }
            out += "</div>\n"
            if let step = version.step, step.from.headline != step.to.headline {
                let headline = WordDiffer.diff(step.from.headline, step.to.headline).ops
                out += "<div class=\"headline\">" + words(headline) + "</div>\n"
            } else {
                out += "<div class=\"headline\">" + escape(entry.headline) + "</div>\n"
            }
            if let advisory = version.advisory {
                out += "<div class=\"advisory\">" + escape(advisory.text) + "</div>\n"
            }
            guard let step = version.step, let audit = version.audit else {
                out += "<div class=\"stats\">" + TimelineReport.firstVersion(version.paragraphs.count) + "</div></li>\n"
                previous = entry
                continue
            }
            out += stats(TimelineReport.Stats(step))
            let ranked = TimelineReport.ranked(step.claims)
            let shown = TimelineReport.shownChanges
            if !ranked.isEmpty {
                out += "<ul class=\"changes\">" + ranked.prefix(shown).map(changeItem).joined() + "</ul>\n"
            }
            if ranked.count > shown {
                out += "<details><summary>" + TimelineReport.more(ranked.count - shown) + "</summary>"
                    + "<ul class=\"changes\">" + ranked.dropFirst(shown).map(changeItem).joined() + "</ul></details>\n"
            }
            let lines = TimelineReport.auditLines(audit)
            if !lines.isEmpty {
                let items = lines.map { "<li class=\"\($0.kind)\">" + escape($0.text) + "</li>" }
                out += "<ul class=\"audit\">" + items.joined() + "</ul>\n"
            }
            if links {
                let (from, to) = (entry.number - 1, entry.number)
                out += "<a class=\"show\" href=\"#compare\" data-from=\"\(from)\" data-to=\"\(to)\">"
                    + "Compare with v\(from)</a>\n"
            }
            out += "</li>\n"
            previous = entry
        }
        return out + "</ol></section>\n"
    }

    static func stats(_ stats: TimelineReport.Stats) -> String {
        let p = stats.paragraphs
        var parts = ["<span class=\"s-added\">+\(p.added) added</span>",
                     "<span class=\"s-removed\">−\(p.removed) removed</span>",
                     "<span class=\"s-changed\">~\(p.changed) changed</span>",
                     "<span class=\"s-moved\">\(p.moved) moved</span>"]
        if p.split > 0 { parts.append("<span class=\"s-split\">\(p.split) split</span>") }
        if p.merged > 0 { parts.append("<span class=\"s-split\">\(p.merged) merged</span>") }
        let c = stats.claims
        return "<div class=\"stats\">paragraphs " + parts.joined(separator: " ")
            + " · claims +\(c.added) −\(c.removed) ~\(c.changed)</div>\n"
    }

    static func changeItem(_ change: ClaimChange) -> String {
        "<li class=\"\(change.significance.rawValue)\"><span class=\"kind\">\(change.kind.rawValue)</span> "
            + escape(TimelineReport.summary(change, kind: false)) + "</li>"
    }
}
