import StoryDiff
import Writethru
import WritethruSupport

/// The report's "Compare versions" section: a picker and one article per pair of versions, every
/// pair of the story (docs/decisions/0037-report-pairs.md). Each update against the version
/// before is written out in full, so that the page reads without JavaScript; every other pair
/// is a list of numbered fragments (`PairFragments`), each fragment held once in the page, that
/// the page's script joins when the pair is chosen: the same bytes as if it were written out.
extension StoryPage {
    /// Every pair of versions (1-based, old < new), in order.
    ///
    /// - Complexity: O(v²) pairs.
    static func pairs(count: Int) -> [(Int, Int)] {
        guard count > 1 else { return [] }
        return (1..<count).flatMap { old in ((old + 1)...count).map { (old, $0) } }
    }

    /// How many pairs are compared at once: enough to keep both cores busy, few enough that
    /// only their fragments, not the whole story's, are in memory before they are numbered.
    static let pairChunk = 64

    /// - Complexity: v(v − 1)/2 paragraph diffs and claim comparisons for v versions (the steps
    ///   come with the timeline), run on all cores `pairChunk` at a time; the page grows with the
    ///   distinct fragments of all pairs plus a few bytes per paragraph of each pair.
    static func compareSection(_ timeline: StoryTimeline) -> String {
        let count = timeline.versions.count
        var out = "<section id=\"compare\"><h2>Compare versions</h2>\n"
        guard count > 1 else {
            return out + "<p class=\"note\">Only one version: nothing to compare yet.</p></section>\n"
        }
        func options(_ range: ClosedRange<Int>, selected: Int) -> String {
            range.map { number in
                "<option value=\"\(number)\"" + (number == selected ? " selected" : "") + ">"
                    + escape(TimelineReport.label(timeline.versions[number - 1].entry)) + "</option>"
            }.joined()
        }
        out += "<form class=\"picker\"><label>From <select id=\"from\">" + options(1...count, selected: count - 1)
            + "</select></label> <label>To <select id=\"to\">" + options(1...count, selected: count)
            + "</select></label> <label><input type=\"checkbox\" id=\"sbs\"> side by side</label></form>\n"
        out += "<p id=\"nopair\" class=\"note\" hidden>Choose an earlier version in From than in To.</p>\n"
        var table = FragmentTable()
        let all = pairs(count: count).map { [$0.0, $0.1] }
        var start = 0
        while start < all.count {
            let chunk = Array(all[start..<min(all.count, start + pairChunk)])
            // Each pair is compared and rendered on its own, on all cores; numbered in order.
            let rendered = chunk.concurrentMap { pair in
                pairFragments(timeline.comparison(from: pair[0], to: pair[1]), old: pair[0], new: pair[1])
            }
            for (pair, fragments) in zip(chunk, rendered) {
                let (old, new) = (pair[0], pair[1])
                let step = new == old + 1
                out += "<article class=\"pair" + (step ? " step" : "") + "\" id=\"pair-\(old)-\(new)\""
                    + (old == count - 1 && new == count ? "" : " hidden")
                if step {
                    out += ">" + fragments.joined() + "</article>\n"
                } else {
                    out += " data-f=\"" + fragments.map { table.number($0) }.joined(separator: " ") + "\"></article>\n"
                }
            }
            start += pairChunk
        }
        out += "<script id=\"fragments\" type=\"application/json\">" + table.json + "</script>\n"
        return out + "<noscript><style>.pair.step{display:block}.picker{display:none}</style></noscript></section>\n"
    }

    /// One pair's compare view as HTML fragments, in the order they are read: the heading and
    /// stat line, the headline's word diff, each paragraph operation (runs of unchanged
    /// paragraphs folded in `<details>`, `UnchangedRuns`), the claim changes. Joined, they are the
    /// pair's article; apart, the pieces that pairs share (a paragraph that reads the same in
    /// many pairs) are held once.
    ///
    /// - Complexity: O(p + w + c) in the pair's paragraph operations, words and claim changes.
    static func pairFragments(_ comparison: Comparison, old: Int, new: Int) -> [String] {
        var heading = "<h3>" + escape(comparison.from.version.map(TimelineReport.label) ?? "") + " → "
            + escape(comparison.to.version.map(TimelineReport.label) ?? "") + "</h3>\n"
        heading += "<p class=\"stat\">" + escape(diffStat(comparison.diff)) + "</p>\n"
        var fragments = [heading]
        if comparison.from.headline != comparison.to.headline {
            let headline = WordDiffer.diff(comparison.from.headline, comparison.to.headline).ops
            fragments.append("<p class=\"headline\">Headline: " + words(headline) + "</p>\n")
        }
        let ops = comparison.diff.ops
        for piece in UnchangedRuns.pieces(ops.map { $0.kind == .unchanged }) {
            switch piece {
            case .shown(let index):
                fragments += opHTML(ops[index])
            case .folded(let range):
                fragments.append("<details class=\"same\"><summary>" + counted(range.count, "unchanged paragraph",
                                                                              "unchanged paragraphs")
                                 + "</summary>\n")
                fragments += range.flatMap { opHTML(ops[$0]) }
                fragments.append("</details>\n")
            }
        }
        let claims = TimelineReport.ranked(comparison.claims)
        if !claims.isEmpty {
            fragments.append("<details class=\"claims\"><summary>"
                             + counted(claims.count, "claim change", "claim changes") + "</summary><ul class=\"changes\">")
            fragments += claims.flatMap(changeItemParts)
            fragments.append("</ul></details>\n")
        }
        return fragments
    }

    /// One paragraph operation in two fragments: where it is and what happened, in words (an
    /// unchanged paragraph only where it is: "¶5", "¶7 → ¶8"); then its word diff, which many
    /// pairs share wherever the paragraph stands.
    static func opHTML(_ op: ParagraphOp) -> [String] {
        let place = op.kind == .unchanged && op.old == op.new ? DiffReport.numbers(op.new) : DiffReport.place(op)
        return ["<div class=\"op \(op.kind.rawValue)\"><div class=\"where\">"
            + escape(op.kind == .unchanged ? place : opLabel(op.kind) + " · " + place) + "</div>",
         "<p class=\"text\">" + words(op.words) + "</p></div>\n"]
    }
}
