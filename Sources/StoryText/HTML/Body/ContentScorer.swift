import Foundation

/// Finds the element that holds the story, as readability does: every block of paragraph text
/// scores 1 + its commas + one point per 100 characters (at most 3), which its container gets in
/// full, the container's parent in half and older ancestors in thirds of their distance; each
/// scored element starts from a weight for its tag and class words, and its total is scaled by
/// the share of its text that is not links. The best element is then widened where the page
/// shows that the story is bigger than it (close runners-up under one ancestor, a parent that
/// scores higher), and its siblings that read as story text join it.
///
/// - Complexity: O(n · 5) for n nodes (each paragraph scores at most five ancestors), plus
///   O(k · d) to widen the choice for k runner-up candidates nested d deep.
struct ContentScorer {
    let statistics: PageStatistics
    private(set) var scores: [Double]
    private(set) var candidates: [Int] = []

    static let paragraphTags: Set<String> = ["p", "pre", "td", "blockquote", "h2", "h3", "h4", "h5", "h6"]
    static let unscoredTags: Set<String> = ["li", "dt", "dd", "th", "ul", "ol", "dl", "tr", "table", "tbody", "address"]
    static let maximumAncestors = 5

    init(_ statistics: PageStatistics) {
        self.statistics = statistics
        let tree = statistics.tree
        var scores = [Double](repeating: 0, count: tree.count)
        var isCandidate = [Bool](repeating: false, count: tree.count)
        var candidates: [Int] = []
        for i in 1..<max(1, tree.count) where tree.kinds[i] == .element && !statistics.hidden[i] {
            let own = statistics.ownLength[i]
            guard own >= 25, !Self.unscoredTags.contains(tree.names[i]) else { continue }
            let points = 1 + Double(statistics.ownCommas[i]) + min(Double(own) / 100, 3)
            var ancestor = Self.paragraphTags.contains(tree.names[i]) ? tree.parents[i] : i
            var level = 0
            while ancestor > 0, level < Self.maximumAncestors {
                if !isCandidate[ancestor] {
                    isCandidate[ancestor] = true
                    candidates.append(ancestor)
                    scores[ancestor] = Self.initialScore(tree, ancestor) + Double(statistics.weights[ancestor])
                }
                scores[ancestor] += points / (level == 0 ? 1 : level == 1 ? 2 : Double(level * 3))
                ancestor = tree.parents[ancestor]
                level += 1
            }
        }
        for candidate in candidates {
            scores[candidate] *= 1 - statistics.linkDensity(candidate)
        }
        self.scores = scores
        self.candidates = candidates
    }

    /// Readability's starting score for a tag (the class and id weight is added to it).
    static func initialScore(_ tree: HTMLTree, _ index: Int) -> Double {
        let base: Double = switch tree.names[index] {
        case "div", "article", "main", "section": 5
        case "pre", "td", "blockquote": 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
        default: 0
        }
        return base
    }

    /// The best-scoring element, widened as readability widens it; nil when no text scored.
    func topCandidate() -> Int? {
        let tree = statistics.tree
        let ranked = candidates.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        guard var top = ranked.first, scores[top] > 0 else { return nil }
        // Close runners-up (three or more) under one ancestor: the story is that ancestor.
        let close = ranked.dropFirst().prefix(5).filter { scores[$0] >= scores[top] * 0.75 }
        if close.count >= 3 {
            var ancestor = tree.parents[top]
            while ancestor > 0, !isPageRoot(ancestor) {
                let inside = close.filter { $0 > ancestor && $0 < tree.ends[ancestor] }.count
                if inside >= 3 {
                    top = ancestor
                    break
                }
                ancestor = tree.parents[ancestor]
            }
        }
        // A parent that scores higher than what led to it holds more of the story.
        var lastScore = scores[top]
        var parent = tree.parents[top]
        let threshold = lastScore / 3
        while parent > 0, !isPageRoot(parent) {
            if scores[parent] == 0 {
                parent = tree.parents[parent]
                continue
            }
            if scores[parent] < threshold { break }
            if scores[parent] > lastScore {
                top = parent
                break
            }
            lastScore = scores[parent]
            parent = tree.parents[parent]
        }
        // An only child stands for its parent.
        while tree.parents[top] > 0, !isPageRoot(tree.parents[top]),
              tree.children(of: tree.parents[top]).filter({ !isBlank($0) }).count == 1 {
            top = tree.parents[top]
        }
        return top
    }

    /// The top candidate and those of its siblings that read as part of the story, in order.
    func content(around top: Int) -> [Int] {
        let tree = statistics.tree
        let parent = tree.parents[top]
        guard parent >= 0, !isPageRoot(top) else { return [top] }
        let threshold = max(10, scores[top] * 0.2)
        let topClass = tree.attributes[top]["class"] ?? ""
        var chosen: [Int] = []
        for sibling in tree.children(of: parent) where tree.kinds[sibling] == .element {
            if sibling == top {
                chosen.append(sibling)
                continue
            }
            guard !statistics.hidden[sibling] else { continue }
            var bonus = 0.0
            if !topClass.isEmpty, tree.attributes[sibling]["class"] == topClass { bonus = scores[top] * 0.2 }
            if scores[sibling] > 0, scores[sibling] + bonus >= threshold {
                chosen.append(sibling)
            } else if tree.names[sibling] == "p" {
                let length = statistics.textLength[sibling]
                let density = statistics.linkDensity(sibling)
                let text = HTMLNode(tree: tree, index: sibling).textContent
                if length > 80, density < 0.25 {
                    chosen.append(sibling)
                } else if length > 0, length <= 80, density == 0, Self.endsSentence(text) {
                    chosen.append(sibling)
                }
            }
        }
        return chosen
    }

    private func isPageRoot(_ index: Int) -> Bool {
        let name = statistics.tree.names[index]
        return name == "body" || name == "html" || name == "#document"
    }

    private func isBlank(_ index: Int) -> Bool {
        let tree = statistics.tree
        return tree.kinds[index] == .text && PageStatistics.measure(tree.texts[index]).length == 0
    }

    static func endsSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.utf8.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
            trimmed = trimmed.dropLast()
        }
        return trimmed.hasSuffix(".") || trimmed.hasSuffix("!") || trimmed.hasSuffix("?") || trimmed.hasSuffix(".\u{201D}")
            || trimmed.hasSuffix(".\"")
    }
}
