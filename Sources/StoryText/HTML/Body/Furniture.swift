import Foundation

/// Elements that are never story text.
enum Furniture {
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "footer", "figure", "figcaption", "form",
        "button", "iframe", "svg", "canvas", "select", "input", "textarea", "video", "audio", "picture", "object",
        "embed", "head", "title", "meta", "link", "dialog", "menu",
    ]
    /// Words in a class, id or role that mark ads, promos, share bars and the like.
    static let markers: Set<String> = [
        "ad", "ads", "advert", "advertisement", "adslot", "adunit", "dfp", "sponsor", "sponsored", "promo", "promotion",
        "share", "sharing", "social", "sharebar", "related", "newsletter", "subscribe", "subscription", "signup",
        "comment", "comments", "cookie", "cookies", "banner", "outbrain", "taboola", "recommended", "recommendations",
        "trending", "popular", "breadcrumb", "breadcrumbs", "paywall", "popup", "modal", "caption", "byline-social",
        "navigation", "nav", "menu", "sidebar", "footer", "masthead", "toolbar", "tags", "disclaimer",
    ]

    static func drops(_ node: HTMLNode) -> Bool {
        if droppedTags.contains(node.name) { return true }
        if node.attributes["hidden"] != nil || node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style")?.replacingOccurrences(of: " ", with: "").lowercased(),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = node.attribute("role"),
           ["navigation", "complementary", "banner", "contentinfo", "dialog"].contains(role) {
            return true
        }
        let labels = [node.attribute("class"), node.attribute("id"), node.attribute("data-component")]
            .compactMap { $0 }.joined(separator: " ").lowercased()
        guard !labels.isEmpty else { return false }
        let words = labels.split { !$0.isLetter && !$0.isNumber }
        return words.contains { markers.contains(String($0)) }
    }
}
