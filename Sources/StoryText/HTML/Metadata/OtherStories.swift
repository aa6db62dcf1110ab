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

    static let otherRoles: Set<String> = ["navigation", "complementary", "contentinfo"]
    /// Elements that hold a whole page or story: never other stories.
    static let storyTags: Set<String> = ["html", "body", "main", "article"]

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
        var word: [UInt8] = []
        let flush = {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for label in [node.attribute("class"), id ? node.attribute("id") : nil].compactMap({ $0 }) {
            for byte in label.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): word.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
                default: flush()
                }
            }
            flush()
        }
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
