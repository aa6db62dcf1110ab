/// The parts of a page that speak of other things than its story (comments, related and
/// trending lists, navigation, footers, scripts), where bylines and date lines are not looked
/// for. Narrower than `Furniture`, which also sets aside whole headers and paywalled bodies.
enum OtherStories {
    static let tags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg", "figure",
        "head", "select", "button", "dialog", "menu",
    ]
    static let words: Set<String> = [
        "comment", "comments", "related", "recommended", "recommendations", "trending", "popular", "outbrain",
        "taboola", "sidebar", "newsletter", "widget", "promo", "teaser", "teasers", "recirc", "footer",
    ]

    static func holds(_ node: HTMLNode) -> Bool {
        if tags.contains(node.name) { return true }
        if node.attribute("role").map({ ["navigation", "complementary", "contentinfo"].contains($0) }) == true {
            return true
        }
        guard !["html", "body", "main", "article"].contains(node.name) else { return false }
        let labels = [node.attribute("class"), node.attribute("id")].compactMap { $0 }.joined(separator: " ").lowercased()
        return labels.split { !$0.isLetter && !$0.isNumber }.contains { words.contains(String($0)) }
    }

    /// The text below `node` with a space at each element's edge, so that
    /// `<span>Nov 20 2019</span><span>4:29 AM</span>` reads "Nov 20 2019 4:29 AM".
    static func spacedText(_ node: HTMLNode) -> String {
        var parts: [String] = []
        collect(node, into: &parts)
        return TextReader.normalizeSpaces(parts.joined(separator: " "))
    }

    private static func collect(_ node: HTMLNode, into parts: inout [String]) {
        if node.kind == .text {
            parts.append(node.text)
            return
        }
        for child in node.children where child.kind == .text || !tags.contains(child.name) {
            collect(child, into: &parts)
        }
    }
}
