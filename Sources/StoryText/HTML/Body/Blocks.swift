import Foundation

/// Paragraph text inside an element: block elements start new paragraphs, `<br><br>` splits
/// one, furniture is skipped, and blocks that are mostly links (link lists) are left out.
enum Blocks {
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
        "td", "th", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "header", "address", "center", "hr",
    ]
    static let headingTags: Set<String> = ["h1"]

    static func paragraphs(of node: HTMLNode) -> [String] {
        var collector = Collector()
        collector.walk(node)
        collector.flush()
        return collector.paragraphs
    }

    struct Collector {
        var paragraphs: [String] = []
        var buffer = ""
        var linkCharacters = 0

        mutating func walk(_ node: HTMLNode) {
            for child in node.children {
                switch child.kind {
                case .text:
                    buffer += child.text
                case .element:
                    if Furniture.drops(child) || headingTags.contains(child.name) { continue }
                    if child.name == "br" {
                        buffer += "\n"
                    } else if blockTags.contains(child.name) {
                        flush()
                        walk(child)
                        flush()
                    } else {
                        if child.name == "a" { linkCharacters += TextReader.normalizeSpaces(child.textContent).count }
                        walk(child)
                    }
                }
            }
        }

        mutating func flush() {
            defer {
                buffer = ""
                linkCharacters = 0
            }
            let pieces = buffer.components(separatedBy: "\n\n").map(TextReader.normalizeSpaces).filter { !$0.isEmpty }
            let total = pieces.reduce(0) { $0 + $1.count }
            if total > 0, linkCharacters * 10 > total * 6 { return }
            paragraphs += pieces
        }
    }

    static func textLength(of node: HTMLNode) -> Int {
        paragraphs(of: node).reduce(0) { $0 + $1.count }
    }

    /// The element holding the most paragraph text: each `<p>` (and each run of text straight
    /// inside a container) adds its length to its parent and half of it to its grandparent, as
    /// readability-style extractors do.
    static func densest(in document: HTMLNode) -> HTMLNode? {
        var best: (score: Int, node: HTMLNode)?
        func visit(_ node: HTMLNode) -> (direct: Int, fromChildren: Int) {
            var direct = 0
            var grand = 0
            for child in node.children {
                if child.kind == .text {
                    // Text straight inside a container (paragraphs split by <br>) counts too.
                    direct += TextReader.normalizeSpaces(child.text).count
                    continue
                }
                guard !Furniture.drops(child) else { continue }
                let (childDirect, _) = visit(child)
                if child.name == "p" {
                    direct += TextReader.normalizeSpaces(child.textContent).count
                } else {
                    grand += childDirect
                }
            }
            let score = direct + grand / 2
            if score > (best?.score ?? 0) { best = (score, node) }
            return (direct, grand)
        }
        _ = visit(document)
        return best?.node
    }
}
