import Foundation
import StoryDiff
import StoryText
import Writethru
import WritethruSupport

/// Self-contained HTML pages: the story report (`writethru report`), the pages of a static
/// site (`writethru site`), and the HTML forms of `timeline`, `blame` and `history`. Inline
/// CSS, a few lines of inline JavaScript for the version picker, nothing fetched; every piece
/// of story text is escaped.
public enum StoryPage {
    /// Up to this many versions, the report holds the diff of every pair of versions; above
    /// it, each version against the one before, the first and the latest.
    public static let allPairsLimit = 30

    /// The whole report of one story: timeline, any pair of versions compared (inline or side
    /// by side), claim changes, audit flags, and the blame of the latest version.
    public static func report(_ timeline: StoryTimeline, indexLink: String? = nil) -> String {
        var body = header(timeline, indexLink: indexLink)
        body += "<nav><a href=\"#timeline\">Timeline</a> <a href=\"#compare\">Compare versions</a> <a href=\"#blame\">Where each sentence came from</a></nav>\n"
        body += timelineSection(timeline, links: true)
        body += compareSection(timeline)
        body += blameSection(timeline, version: timeline.versions.count)
        return page(title: timeline.versions.last?.entry.headline ?? timeline.story.value, body: body, script: true)
    }

    public static func timelinePage(_ timeline: StoryTimeline) -> String {
        page(title: "Timeline of \(timeline.story)", body: header(timeline, indexLink: nil) + timelineSection(timeline, links: false), script: false)
    }

    public static func blamePage(_ timeline: StoryTimeline, version: Int) -> String {
        page(title: "Blame of \(timeline.story)", body: header(timeline, indexLink: nil) + blameSection(timeline, version: version), script: false)
    }

    public static func historyPage(_ timeline: StoryTimeline, history: ClaimHistory) -> String {
        var body = header(timeline, indexLink: nil) + "<section id=\"history\"><h2>" + escape(HistoryReport.title(timeline, history: history)) + "</h2>\n"
        for lineage in history.lineages {
            body += "<article class=\"lineage\"><h3>s\(lineage.id), first written in v\(lineage.origin); "
                + escape(HistoryReport.presence(lineage, in: timeline)) + "</h3><ol>\n"
            for event in lineage.events {
                let entry = timeline.versions[event.version - 1].entry
                body += "<li class=\"event \(event.kind.rawValue)\"><span class=\"vnum\">" + escape(TimelineReport.label(entry)) + "</span> "
                    + escape(HistoryReport.describe(event))
                let reasons = event.claims.filter { $0.significance > .cosmetic && ![.claimAdded, .claimRemoved].contains($0.kind) }
                if !reasons.isEmpty { body += ": " + escape(reasons.map(\.reason).joined(separator: "; ")) }
                switch (event.before, event.after) {
                case (let before?, let after?) where before != after && event.kind != .split:
                    body += "<p class=\"text\">" + words(WordDiffer.diff(before, after).ops) + "</p>"
                case (_, let after?): body += "<p class=\"text\">" + escape(after) + "</p>"
                case (let before?, nil): body += "<p class=\"text\"><del>" + escape(before) + "</del></p>"
                case (nil, nil): break
                }
                body += "</li>\n"
            }
            body += "</ol></article>\n"
        }
        return page(title: "History of a claim in \(timeline.story)", body: body + "</section>\n", script: false)
    }

    /// One row of the site's index.
    public struct IndexEntry: Sendable {
        public let story: StoryID
        public let headline: String
        public let versions: Int
        public let last: Date
        public let undeclared: Int
        public let flags: Int

        public init(_ timeline: StoryTimeline) {
            story = timeline.story
            headline = timeline.versions.last?.entry.headline ?? ""
            versions = timeline.versions.count
            last = timeline.versions.last?.entry.updated ?? Date(timeIntervalSince1970: 0)
            undeclared = timeline.versions.reduce(0) { $0 + ($1.audit?.undeclared.count ?? 0) }
            flags = timeline.versions.reduce(0) { $0 + ($1.audit?.flags.count ?? 0) }
        }
    }

    /// Where a story's report lives in the site, relative to the index.
    public static func sitePath(of story: StoryID) -> String { "stories/\(story.value).html" }

    /// "wrote DIR/index.html and 2 story pages, 203914 bytes, in 0.51 s"
    public static func siteWritten(directory: String, pages: Int, bytes: Int, seconds: Double) -> String {
        "wrote \(directory)/index.html and " + counted(pages, "story page", "story pages") + ", \(bytes) bytes, in "
            + String(format: "%.2f", seconds) + " s\n"
    }

    /// The site's index: every story, the latest update first.
    public static func siteIndex(_ entries: [IndexEntry]) -> String {
        let sorted = entries.sorted { ($0.last, $1.story) > ($1.last, $0.story) }
        let versions = entries.reduce(0) { $0 + $1.versions }
        let undeclared = entries.filter { $0.undeclared > 0 }.count
        var body = "<header><h1>Story archive</h1><p class=\"meta\">\(entries.count) stories, \(versions) versions; "
            + "\(undeclared) with undeclared substantive changes</p></header>\n"
        body += "<table class=\"index\"><thead><tr><th>Story</th><th>Latest headline</th><th>Versions</th><th>Last update</th>"
            + "<th>Undeclared</th><th>Flags</th></tr></thead><tbody>\n"
        for entry in sorted {
            body += "<tr><td><a href=\"" + escape(sitePath(of: entry.story)) + "\">" + escape(entry.story.value) + "</a></td><td>"
                + escape(entry.headline) + "</td><td class=\"n\">\(entry.versions)</td><td>" + Timestamp.format(entry.last)
                + "</td><td class=\"n" + (entry.undeclared > 0 ? " alert" : "") + "\">\(entry.undeclared)</td><td class=\"n"
                + (entry.flags > 0 ? " alert" : "") + "\">\(entry.flags)</td></tr>\n"
        }
        return page(title: "Story archive", body: body + "</tbody></table>\n", script: false)
    }

    // MARK: Sections

    static func header(_ timeline: StoryTimeline, indexLink: String?) -> String {
        let latest = timeline.versions.last?.entry
        var out = "<header>"
        if let indexLink { out += "<p class=\"up\"><a href=\"" + escape(indexLink) + "\">All stories</a></p>" }
        out += "<h1>" + escape(latest?.headline ?? timeline.story.value) + "</h1>"
        out += "<p class=\"meta\">" + escape(TimelineReport.header(timeline)) + "</p></header>\n"
        return out
    }

    static func timelineSection(_ timeline: StoryTimeline, links: Bool) -> String {
        var out = "<section id=\"timeline\"><h2>Timeline</h2>\n<ol class=\"timeline\">\n"
        var previous: VersionEntry?
        for version in timeline.versions {
            let entry = version.entry
            let alert = version.audit.map { !$0.undeclared.isEmpty || !$0.flags.isEmpty || $0.items.contains { !$0.found } } ?? false
            out += "<li class=\"version" + (alert ? " alert" : "") + "\" id=\"v\(entry.number)\"><div class=\"vhead\"><span class=\"vnum\">v\(entry.number)</span>"
            if let tag = entry.tag { out += " <span class=\"tag\">" + escape(tag) + "</span>" }
            out += " <time datetime=\"" + Timestamp.format(entry.updated) + "\">" + Timestamp.format(entry.updated) + "</time>"
            if let previous { out += " <span class=\"gap\">" + TimelineReport.gap(entry.updated.timeIntervalSince(previous.updated)) + "</span>" }
            out += "</div>\n"
            if let step = version.step, step.from.headline != step.to.headline {
                out += "<div class=\"headline\">" + words(WordDiffer.diff(step.from.headline, step.to.headline).ops) + "</div>\n"
            } else {
                out += "<div class=\"headline\">" + escape(entry.headline) + "</div>\n"
            }
            if let advisory = version.advisory { out += "<div class=\"advisory\">" + escape(advisory.text) + "</div>\n" }
            guard let step = version.step, let audit = version.audit else {
                out += "<div class=\"stats\">" + TimelineReport.firstVersion(version.paragraphs.count) + "</div></li>\n"
                previous = entry
                continue
            }
            out += stats(TimelineReport.Stats(step))
            let ranked = TimelineReport.ranked(step.claims)
            if !ranked.isEmpty {
                out += "<ul class=\"changes\">" + ranked.prefix(TimelineReport.shownChanges).map(changeItem).joined() + "</ul>\n"
            }
            if ranked.count > TimelineReport.shownChanges {
                out += "<details><summary>" + TimelineReport.more(ranked.count - TimelineReport.shownChanges) + "</summary><ul class=\"changes\">"
                    + ranked.dropFirst(TimelineReport.shownChanges).map(changeItem).joined() + "</ul></details>\n"
            }
            let lines = TimelineReport.auditLines(audit)
            if !lines.isEmpty {
                out += "<ul class=\"audit\">" + lines.map { "<li class=\"\($0.kind)\">" + escape($0.text) + "</li>" }.joined() + "</ul>\n"
            }
            if links {
                out += "<a class=\"show\" href=\"#compare\" data-from=\"\(entry.number - 1)\" data-to=\"\(entry.number)\">Compare with v\(entry.number - 1)</a>\n"
            }
            out += "</li>\n"
            previous = entry
        }
        return out + "</ol></section>\n"
    }

    static func stats(_ stats: TimelineReport.Stats) -> String {
        let p = stats.paragraphs
        var parts = ["<span class=\"s-added\">+\(p.added) added</span>", "<span class=\"s-removed\">−\(p.removed) removed</span>",
                     "<span class=\"s-changed\">~\(p.changed) changed</span>", "<span class=\"s-moved\">\(p.moved) moved</span>"]
        if p.split > 0 { parts.append("<span class=\"s-split\">\(p.split) split</span>") }
        if p.merged > 0 { parts.append("<span class=\"s-split\">\(p.merged) merged</span>") }
        let c = stats.claims
        return "<div class=\"stats\">paragraphs " + parts.joined(separator: " ") + " · claims +\(c.added) −\(c.removed) ~\(c.changed)</div>\n"
    }

    static func changeItem(_ change: ClaimChange) -> String {
        "<li class=\"\(change.significance.rawValue)\"><span class=\"kind\">\(change.kind.rawValue)</span> "
            + escape(TimelineReport.summary(change, kind: false)) + "</li>"
    }

    /// The pairs of versions the report compares (1-based, old < new).
    static func pairs(count: Int) -> [(Int, Int)] {
        guard count > 1 else { return [] }
        if count <= allPairsLimit {
            return (1..<count).flatMap { old in ((old + 1)...count).map { (old, $0) } }
        }
        var chosen = Set<[Int]>()
        for new in 2...count {
            chosen.insert([new - 1, new])
            chosen.insert([1, new])
        }
        for old in 1..<count { chosen.insert([old, count]) }
        return chosen.map { ($0[0], $0[1]) }.sorted { $0 < $1 }
    }

    static func compareSection(_ timeline: StoryTimeline) -> String {
        let count = timeline.versions.count
        var out = "<section id=\"compare\"><h2>Compare versions</h2>\n"
        guard count > 1 else { return out + "<p class=\"note\">Only one version: nothing to compare yet.</p></section>\n" }
        func options(_ range: ClosedRange<Int>, selected: Int) -> String {
            range.map { number in
                "<option value=\"\(number)\"" + (number == selected ? " selected" : "") + ">"
                    + escape(TimelineReport.label(timeline.versions[number - 1].entry)) + "</option>"
            }.joined()
        }
        out += "<form class=\"picker\"><label>From <select id=\"from\">" + options(1...count, selected: count - 1)
            + "</select></label> <label>To <select id=\"to\">" + options(1...count, selected: count)
            + "</select></label> <label><input type=\"checkbox\" id=\"sbs\"> side by side</label></form>\n"
        out += "<p id=\"nopair\" class=\"note\" hidden>Choose an earlier version in From than in To"
            + (count > allPairsLimit ? " (with more than \(allPairsLimit) versions the report holds each version against the one before, the first and the latest; `writethru diff` compares any two)" : "")
            + ".</p>\n"
        // Each pair is compared on its own: on all cores, then written in order.
        let pairs = pairs(count: count).map { [$0.0, $0.1] }
        let comparisons = pairs.concurrentMap { timeline.comparison(from: $0[0], to: $0[1]) }
        for (pair, comparison) in zip(pairs, comparisons) {
            out += pairArticle(comparison, old: pair[0], new: pair[1], visible: pair[0] == count - 1 && pair[1] == count)
        }
        return out + "<noscript><style>.pair.step{display:block}.picker{display:none}</style></noscript></section>\n"
    }

    static func pairArticle(_ comparison: Comparison, old: Int, new: Int, visible: Bool) -> String {
        var out = "<article class=\"pair" + (new == old + 1 ? " step" : "") + "\" id=\"pair-\(old)-\(new)\"" + (visible ? "" : " hidden") + ">"
        out += "<h3>" + escape(comparison.from.version.map(TimelineReport.label) ?? "") + " → "
            + escape(comparison.to.version.map(TimelineReport.label) ?? "") + "</h3>\n"
        out += "<p class=\"stat\">" + escape(DiffReport.stat(comparison)) + "</p>\n"
        if comparison.from.headline != comparison.to.headline {
            out += "<p class=\"headline\">" + words(WordDiffer.diff(comparison.from.headline, comparison.to.headline).ops) + "</p>\n"
        }
        for op in comparison.diff.ops {
            let place = op.kind.rawValue + " " + DiffReport.numbers(op.old) + (op.old.isEmpty || op.new.isEmpty ? "" : " → ")
                + DiffReport.numbers(op.new)
            out += "<div class=\"op \(op.kind.rawValue)\"><div class=\"where\">" + escape(place) + "</div><p class=\"text\">"
                + words(op.words) + "</p></div>\n"
        }
        let claims = comparison.claims.filter { $0.significance > .cosmetic }
        if !claims.isEmpty {
            out += "<details class=\"claims\"><summary>\(claims.count) claim changes</summary><ul class=\"changes\">"
                + TimelineReport.ranked(claims).map(changeItem).joined() + "</ul></details>\n"
        }
        return out + "</article>\n"
    }

    static func blameSection(_ timeline: StoryTimeline, version: Int) -> String {
        guard timeline.versions.indices.contains(version - 1) else { return "" }
        let entry = timeline.versions[version - 1].entry
        var out = "<section id=\"blame\"><h2>Where each sentence came from: " + escape(TimelineReport.label(entry)) + "</h2>\n"
        out += "<p class=\"legend\">Each sentence is coloured by the version that introduced it; "
            + "a dotted underline marks one reworded since. Hover for details.</p>\n<p class=\"legend\">"
        out += (1...version).map { number in
            "<span class=\"chip b\(number)\">" + escape(TimelineReport.label(timeline.versions[number - 1].entry)) + "</span>"
        }.joined(separator: " ") + "</p>\n<div class=\"blame\">\n"
        let blame = timeline.provenance.sentenceBlame(version: version)
        for (sentences, row) in zip(timeline.provenance.sentenceTexts[version - 1], blame) {
            out += "<p>" + zip(sentences, row).map { sentence, blame in
                var title = "introduced in v\(blame.introduced)"
                if blame.lastChanged != blame.introduced { title += ", last changed in v\(blame.lastChanged)" }
                if let back = blame.reintroduced { title += ", removed and brought back in v\(back)" }
                return "<span class=\"b\(blame.introduced)" + (blame.lastChanged != blame.introduced ? " re" : "") + "\" title=\""
                    + title + "\">" + escape(sentence) + "</span>"
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

    // MARK: Pieces

    static func words(_ ops: [WordOp]) -> String {
        ops.map { word -> String in
            // A kept word keeps the space it had when the edit after it is a deletion at the end.
            let shown = word.kind == .equal && word.oldText.count > word.text.count && word.oldText.hasPrefix(word.text) ? word.oldText : word.text
            let text = escape(shown).replacingOccurrences(of: WordTokenizer.paragraphBreak, with: "<span class=\"break\">¶</span> ")
            switch word.kind {
            case .equal: return text
            case .delete: return "<del>" + text + "</del>"
            case .insert: return "<ins>" + text + "</ins>"
            }
        }.joined()
    }

    static func escape(_ text: String) -> String { DiffReport.escapeHTML(text) }

    static func page(title: String, body: String, script: Bool) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(css)</style></head><body>
        \(body)\(script ? "<script>" + javascript + "</script>\n" : "")</body></html>

        """
    }

    static let css = """
        body{font:16px/1.5 Georgia,serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#222;background:#fff}
        h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;border-bottom:1px solid #ddd;margin-top:2em}h3{font-size:1em}
        nav a{margin-right:1.2em}.meta,.stat,.where,.vhead,.stats,.note,.legend,.up{font:13px/1.5 system-ui,sans-serif;color:#555}
        .timeline{list-style:none;padding:0}.version{border-left:4px solid #bbb;padding:.3em .9em;margin:0 0 1em}
        .version.alert{border-color:#c0392b}
        .vnum{font-weight:bold;color:#222}.tag{background:#eee;border-radius:3px;padding:0 .3em}.gap{color:#888}
        .headline{font-weight:bold}.advisory{font-style:italic;color:#444}
        .s-added{color:#145a24}.s-removed{color:#8a1c12}.s-changed{color:#8a6d0b}.s-moved{color:#1b5e8c}.s-split{color:#6c3483}
        .changes,.audit{margin:.3em 0;padding-left:1.2em;font:14px/1.45 system-ui,sans-serif}
        .kind{font:12px monospace;background:#f3f3f3;padding:0 .25em;border-radius:3px}.substantive .kind{background:#fdebd0}
        .audit .not-found,.audit .undeclared,.audit .flag{color:#a93226;font-weight:bold}.audit .found{color:#555}
        a.show{font:13px system-ui,sans-serif}.picker{font:14px system-ui,sans-serif;margin:1em 0}
        .op{border-left:4px solid #ddd;padding:.1em .8em;margin:.6em 0}.op p{margin:.2em 0}
        .unchanged{color:#777}.added{border-color:#2a8a3e}.removed{border-color:#c0392b}.changed{border-color:#d4a017}
        .moved,.moved-and-changed{border-color:#2471a3}.split,.merged{border-color:#8e44ad}
        del{background:#fbe3e0;color:#8a1c12}ins{background:#e0f5e4;color:#145a24;text-decoration:none}
        .removed .text{text-decoration:line-through}.break{color:#8e44ad;font-weight:bold}
        .cols{display:none}.sbs .cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}.sbs .op>.text{display:none}
        .cols p{margin:.2em 0}.blame p{line-height:1.8}.blame span.re{text-decoration:underline dotted #555}
        .chip{padding:.1em .4em;border-radius:3px;white-space:nowrap}
        table.index{border-collapse:collapse;width:100%;font:14px/1.4 system-ui,sans-serif}
        .index th,.index td{border-bottom:1px solid #e5e5e5;padding:.35em .5em;text-align:left;vertical-align:top}
        .index td.n{text-align:right}.index td.alert{color:#a93226;font-weight:bold}
        .lineage ol{padding-left:1.2em}.event{margin:.4em 0}
        """

    /// Shows the chosen pair of versions, and builds the side-by-side columns on demand.
    static let javascript = """
        (function(){var f=document.getElementById("from"),t=document.getElementById("to"),s=document.getElementById("sbs"),
        c=document.getElementById("compare");if(!f)return;
        function show(){var id="pair-"+f.value+"-"+t.value,hit=false;c.querySelectorAll(".pair").forEach(function(p){
        p.hidden=p.id!==id;if(p.id===id)hit=true;});document.getElementById("nopair").hidden=hit;}
        function sides(){c.classList.toggle("sbs",s.checked);if(!s.checked)return;c.querySelectorAll(".op>.text").forEach(function(p){
        if(p.nextElementSibling)return;var d=document.createElement("div"),o=p.cloneNode(true),n=p.cloneNode(true);d.className="cols";
        o.className="old";n.className="new";o.querySelectorAll("ins").forEach(function(e){e.remove();});
        n.querySelectorAll("del").forEach(function(e){e.remove();});d.append(o,n);p.after(d);});}
        function pick(){show();if(history.replaceState)history.replaceState(null,"","#pair-"+f.value+"-"+t.value);}
        var m=/^#pair-(\\d+)-(\\d+)$/.exec(location.hash);if(m){f.value=m[1];t.value=m[2];}
        f.onchange=t.onchange=pick;s.onchange=sides;document.querySelectorAll("a[data-from]").forEach(function(a){
        a.onclick=function(){f.value=a.dataset.from;t.value=a.dataset.to;pick();};});show();sides();})();
        """
}
