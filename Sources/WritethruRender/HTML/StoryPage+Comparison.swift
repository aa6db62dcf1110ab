import StoryDiff
import Writethru
import WritethruSupport

/// The report's "Compare versions" section: a picker and one article per pair of versions.
extension StoryPage {
    /// The pairs of versions the report compares (1-based, old < new, in order): every pair up to
    /// `allPairsLimit` versions, else each version against the one before, the first and the
    /// latest, the pairs a reader compares most.
    ///
    /// - Complexity: O(v²) pairs up to the limit, O(v log v) above it.
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
        out += "<p id=\"nopair\" class=\"note\" hidden>Choose an earlier version in From than in To"
        if count > allPairsLimit {
            out += " (with more than \(allPairsLimit) versions the report holds each version against the one before, "
                + "the first and the latest; `writethru diff` compares any two)"
        }
        out += ".</p>\n"
        // Each pair is compared on its own: on all cores, then written in order.
        let pairs = pairs(count: count).map { [$0.0, $0.1] }
        let comparisons = pairs.concurrentMap { timeline.comparison(from: $0[0], to: $0[1]) }
        for (pair, comparison) in zip(pairs, comparisons) {
            let latestStep = pair[0] == count - 1 && pair[1] == count
            out += pairArticle(comparison, old: pair[0], new: pair[1], visible: latestStep)
        }
        return out + "<noscript><style>.pair.step{display:block}.picker{display:none}</style></noscript></section>\n"
    }

    static func pairArticle(_ comparison: Comparison, old: Int, new: Int, visible: Bool) -> String {
        var out = "<article class=\"pair" + (new == old + 1 ? " step" : "") + "\" id=\"pair-\(old)-\(new)\""
            + (visible ? "" : " hidden") + ">"
        out += "<h3>" + escape(comparison.from.version.map(TimelineReport.label) ?? "") + " → "
            + escape(comparison.to.version.map(TimelineReport.label) ?? "") + "</h3>\n"
        out += "<p class=\"stat\">" + escape(DiffReport.stat(comparison)) + "</p>\n"
        if comparison.from.headline != comparison.to.headline {
            let headline = WordDiffer.diff(comparison.from.headline, comparison.to.headline).ops
            out += "<p class=\"headline\">" + words(headline) + "</p>\n"
        }
        for op in comparison.diff.ops {
            let place = op.kind.rawValue + " " + DiffReport.place(op)
            out += "<div class=\"op \(op.kind.rawValue)\"><div class=\"where\">" + escape(place) + "</div>"
                + "<p class=\"text\">" + words(op.words) + "</p></div>\n"
        }
        let claims = comparison.claims.filter { $0.significance > .cosmetic }
        if !claims.isEmpty {
            out += "<details class=\"claims\"><summary>\(claims.count) claim changes</summary><ul class=\"changes\">"
                + TimelineReport.ranked(claims).map(changeItem).joined() + "</ul></details>\n"
        }
        return out + "</article>\n"
    }
}
