/// The parts of a page that speak of other things than its story (comments, related and
/// trending lists, navigation, footers, scripts), where bylines and date lines are not looked
/// for. Narrower than `Furniture`, which also sets aside whole headers and paywalled bodies.
enum OtherStories {
    static let tags: WordSet = [
        "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg", "figure",
        "head", "select", "button", "dialog", "menu",
    ]
    static let words: WordSet = [
        "comment", "comments", "related", "recommended", "recommendations", "trending", "popular", "outbrain",
        "taboola", "sidebar", "newsletter", "widget", "promo", "teaser", "teasers", "recirc", "footer",
    ]

    static let otherRoles: Set<String> = ["navigation", "complementary", "contentinfo"]
    /// Elements that hold a whole page or story: never other stories.
    static let storyTags: WordSet = ["html", "body", "main", "article"]

    /// - Parameter labels: `labelWords(node)`, when the caller has them already.
    static func holds(_ node: HTMLNode, labels: [String]? = nil) -> Bool {
        if tags.contains(node.name) { return true }
        if let role = node.attribute("role"), otherRoles.contains(role) { return true }
        guard !storyTags.contains(node.name) else { return false }
        return (labels ?? labelWords(node)).contains(where: words.contains)
    }

    /// The ASCII words of an element's class and id, lower-cased: "ArticlePage-datePublished
    /// byline" gives "articlepage", "datepublished", "byline". Byte by byte, as this runs on every element.
    static func labelWords(_ node: HTMLNode, id: Bool = true) -> [String] {
        let attributes = node.attributes
        if attributes.isEmpty || (attributes["class"] == nil && (!id || attributes["id"] == nil)) { return [] }
        var words: [String] = []
        words.reserveCapacity(8)
        // Each word is cut from the label's bytes and lowered as it is copied: no closure (its
        // captured variables would live on the heap) and no growing buffer.
        func add(_ label: String) {
            var label = label
            label.withUTF8 { bytes in
                var start = 0
                for index in 0...bytes.count {
                    let letter = index < bytes.count && (bytes[index] | 0x20) >= 0x61 && (bytes[index] | 0x20) <= 0x7A
                    if letter { continue }
                    if index > start {
                        words.append(String(unsafeUninitializedCapacity: index - start) { buffer in
                            for offset in 0..<(index - start) { buffer[offset] = bytes[start + offset] | 0x20 }
                            return index - start
                        })
                    }
                    start = index + 1
                }
            }
        }
        if let label = node.attribute("class") { add(label) }
        if id, let label = node.attribute("id") { add(label) }
        return words
    }

    /// The text below `node` with a space at each element's edge, so that
    /// `<span>Nov 20 2019</span><span>4:29 AM</span>` reads "Nov 20 2019 4:29 AM"; nil when it is
    /// longer than `limit` characters (the walk stops early, so a whole page costs no more).
    static func spacedText(_ node: HTMLNode, limit: Int) -> String? {
        var parts: [String] = []
        var budget = limit * 4 + 256
        guard collect(node, into: &parts, budget: &budget) else { return nil }
        let text = TextReader.normalizeSpaces(parts.joined(separator: " "))
        return text.count <= limit ? text : nil
    }

    private static func collect(_ node: HTMLNode, into parts: inout [String], budget: inout Int) -> Bool {
        if node.kind == .text {
            budget -= node.text.utf8.count
            parts.append(node.text)
            return budget >= 0
        }
        for child in node.children where child.kind == .text || !tags.contains(child.name) {
            guard collect(child, into: &parts, budget: &budget) else { return false }
        }
        return true
    }
}
