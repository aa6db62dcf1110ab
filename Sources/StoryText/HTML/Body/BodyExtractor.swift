import Foundation

/// Chooses a page's story text: the markup's best-scoring block of paragraphs (see
/// `ContentScorer`), read first with furniture-marked containers left out, and when that leaves
/// too little, again with only the strong furniture words (comments, ads, share bars) left out; the JSON-LD `articleBody` only when the markup gives much
/// less than it (sites cut it short or pad it, so the markup a reader sees comes first).
/// docs/reading.md walks through an example.
///
/// - Complexity: O(n) a reading for the page's n nodes (two readings at most), see
///   `PageStatistics`, `ContentScorer` and `Blocks`.
enum BodyExtractor {
    /// Below this many characters, a reading with all furniture-marked containers left out is
    /// read again with only the strongly marked ones left out.
    static let shortBody = 500

    struct Result {
        var paragraphs: [String]
        /// Why there is no text, when there is none.
        var reason: String?
    }

    static func body(of document: HTMLNode, articleBody: String?) -> Result {
        let tree = document.tree
        let profiles = ClassProfiles(tree)
        var best = read(tree, profiles: profiles, soft: .all)
        if length(best) < shortBody {
            // Layout words ("sidebar", "modal") sometimes wrap the story; comments, ads, cookie
            // notices and related links are left out even then.
            let relaxed = read(tree, profiles: profiles, soft: .strong)
            if length(relaxed) > length(best) { best = relaxed }
        }
        if let articleBody {
            let fromJSON = jsonParagraphs(articleBody)
            if length(fromJSON) > 2 * length(best) || best.isEmpty { best = fromJSON }
        }
        return Result(paragraphs: best, reason: best.isEmpty ? emptyReason(tree) : nil)
    }

    static func read(_ tree: HTMLTree, profiles: ClassProfiles, soft: PageStatistics.SoftFurniture) -> [String] {
        let statistics = PageStatistics(tree, profiles: profiles, soft: soft)
        let scorer = ContentScorer(statistics)
        let roots = scorer.topCandidate().map(scorer.content(around:)) ?? [0]
        let cleaner = ContentCleaner(statistics: statistics, scores: scorer.scores)
        let blocks = Blocks(statistics: statistics, prunes: { index in !roots.contains(index) && cleaner.prunes(index) })
        return blocks.paragraphs(of: roots)
    }

    /// The JSON-LD body as paragraphs; some sites put HTML in it (escaped or not), which is read
    /// as markup.
    static func jsonParagraphs(_ text: String) -> [String] {
        let unescaped = text.contains("&lt;") && text.contains("&gt;") ? decodeEntities(text) : text
        if holdsMarkup(unescaped) {
            let fragment = HTMLDocument.parse("<html><body>" + unescaped + "</body></html>")
            let statistics = PageStatistics(fragment.tree, profiles: ClassProfiles(fragment.tree), soft: .none)
            return Blocks(statistics: statistics).paragraphs(of: [0])
        }
        return JSONReader.paragraphs(of: unescaped).map(TextReader.normalizeSpaces).filter { !$0.isEmpty }
    }

    /// Whether the text holds a tag of running text (`<(p|div|br|span|a|h[1-6]|ul|li|strong|em)`
    /// then white space, `/` or `>`, in any case): checked on bytes, not with a regular
    /// expression, which would set up ICU's engine for one look.
    ///
    /// - Complexity: O(n).
    static func holdsMarkup(_ text: String) -> Bool {
        let names = ["p", "div", "br", "span", "a", "ul", "li", "strong", "em"].map { Array($0.unicodeScalars) }
        let s = Array(text.unicodeScalars)
        // Case-insensitively as ICU matches: ASCII capitals, and the long s that folds to "s".
        func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            if scalar == "\u{017F}" { return "s" }
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value | 0x20) ?? scalar : scalar
        }
        func ends(at index: Int) -> Bool {
            index < s.count && (WireMatchers.isSpace(s[index]) || s[index] == "/" || s[index] == ">")
        }
        for index in s.indices where s[index] == "<" && index + 1 < s.count {
            let start = index + 1
            if lowered(s[start]) == "h", start + 1 < s.count, ("1"..."6").contains(s[start + 1]), ends(at: start + 2) {
                return true
            }
            for name in names where start + name.count <= s.count {
                if (0..<name.count).allSatisfy({ lowered(s[start + $0]) == name[$0] }), ends(at: start + name.count) {
                    return true
                }
            }
        }
        return false
    }

    private static func decodeEntities(_ text: String) -> String {
        let fragment = HTMLDocument.parse("<html><body><pre>" + text + "</pre></body></html>")
        return fragment.textContent
    }

    private static func length(_ paragraphs: [String]) -> Int {
        paragraphs.reduce(0) { $0 + PageStatistics.measure($1).length }
    }

    static let codeTags: Set<String> = ["script", "style", "head", "template", "noscript", "svg"]

    /// Names the furniture that held the most text, so "no story text" says why.
    static func emptyReason(_ tree: HTMLTree) -> String {
        let statistics = PageStatistics(tree, profiles: ClassProfiles(tree), soft: .all)
        var best: (length: Int, index: Int)?
        for i in 1..<max(1, tree.count) where tree.kinds[i] == .element && statistics.hidden[i]
            && !statistics.hidden[tree.parents[i]] && !Self.codeTags.contains(tree.names[i]) {
            let length = PageStatistics.measure(HTMLNode(tree: tree, index: i).textContent).length
            if length > (best?.length ?? 0) { best = (length, i) }
        }
        guard let best, best.length >= 25 else {
            return best == nil ? "only a headline" : "only a headline and page furniture"
        }
        var label = "<" + tree.names[best.index]
        for key in ["id", "class", "role"] {
            if let value = tree.attributes[best.index][key], !value.isEmpty { label += " \(key)=\"\(value)\"" }
        }
        return "its largest text, \(best.length) characters in \(label)>, reads as page furniture"
    }
}
