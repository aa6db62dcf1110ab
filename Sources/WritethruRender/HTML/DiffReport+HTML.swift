import Foundation
import StoryDiff
import Writethru

extension DiffReport {
    /// `diff --format html`: one self-contained page holding the report's compare view of the
    /// pair (`StoryPage.pairFragments`: paragraph labels and claim changes in words, runs of
    /// unchanged paragraphs folded), under the two sides' labels; no script.
    public static func html(_ comparison: Comparison) -> String {
        var fragments = StoryPage.pairFragments(comparison, old: comparison.from.version?.number ?? 1,
                                                new: comparison.to.version?.number ?? 2)
        // The pair's own heading ("v3 UPDATE 2 → v4 UPDATE 3") gives way to the page's: the
        // headline, then each side in full (a file compared has no version), then the stat.
        if !fragments.isEmpty { fragments.removeFirst() }
        let heading = "<header><h1>" + HTML.escape(comparison.to.headline) + "</h1>"
            + "<p class=\"meta\">" + HTML.escape(label(comparison.from)) + "<br>→ " + HTML.escape(label(comparison.to))
            + "</p></header>\n<p class=\"stat\">" + HTML.escape(StoryPage.diffStat(comparison.diff)) + "</p>\n"
        return StoryPage.page(title: comparison.to.headline, body: heading + fragments.joined(), script: false)
    }
}
