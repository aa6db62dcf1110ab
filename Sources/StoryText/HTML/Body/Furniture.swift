/// Elements that are never story text (hard furniture), and the words in class names and ids
/// that mark furniture containers (soft furniture, dropped unless they hold the article).
enum Furniture {
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "footer", "figure", "figcaption",
        "button", "iframe", "svg", "canvas", "select", "input", "textarea", "video", "audio", "picture", "object",
        "embed", "head", "title", "meta", "link", "dialog", "menu", "label", "option",
    ]
    static let droppedRoles: Set<String> = [
        "navigation", "complementary", "banner", "contentinfo", "dialog", "menu", "menubar", "search", "alert",
        "toolbar", "tablist",
    ]
    /// Words of a class, id or `data-component` that mark ads, promos, share bars, comments and
    /// the like: whole words only ("ad" in "ad-slot", never in "header"). These mark furniture
    /// even beside a word that names the article ("article-comments", "story-share").
    static let strongMarkers: Set<String> = [
        "ad", "ads", "advert", "advertisement", "adslot", "adunit", "adwrapper", "dfp", "sponsor", "sponsored",
        "promo", "promotion", "share", "sharing", "social", "sharebar", "related", "newsletter", "subscribe",
        "subscription", "signup", "comment", "comments", "cookie", "cookies", "outbrain", "taboola",
        "recommended", "recommendations", "trending", "popular", "breadcrumb", "breadcrumbs", "disclaimer",
    ]
    /// Layout words that usually mark furniture, but not beside a word that names the article
    /// ("l-sidebar-fixed l-article-body" holds the story). A paywall's text is on the page and is
    /// story text, so "paywall" is in neither list.
    static let weakMarkers: Set<String> = [
        "banner", "popup", "modal", "caption", "navigation", "nav", "menu", "sidebar", "footer", "masthead",
        "toolbar", "tags", "rail", "overlay",
    ]

    /// Whether `node` is furniture of either kind.
    static func drops(_ node: HTMLNode) -> Bool {
        isHard(node.tree, node.index) || node.name == "form" || isMarked(node.tree, node.index)
    }

    /// Whether `node` itself (not its ancestors) is hard furniture: a furniture tag, hidden, or a
    /// landmark role that is never the article.
    static func isHard(_ tree: HTMLTree, _ index: Int) -> Bool {
        if tree.facts[index].contains(.dropped) { return true }
        let attributes = tree.attributes[index]
        if attributes.isEmpty { return false }
        if attributes["hidden"] != nil || attributes["aria-hidden"] == "true" { return true }
        if let style = attributes["style"],
           style.containsIgnoringASCIICase("none") || style.containsIgnoringASCIICase("hidden") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.containsBytes("display:none") || compact.containsBytes("visibility:hidden") { return true }
        }
        if let role = attributes["role"]?.lowercased(), droppedRoles.contains(role) { return true }
        return false
    }

    /// Whether `node`'s class, id or `data-component` holds a furniture word. (A `<form>` is
    /// marked whatever its class: ASP.NET and similar pages wrap the whole page in one, so it is
    /// soft furniture, see `ClassProfiles`.)
    static func isMarked(_ tree: HTMLTree, _ index: Int) -> Bool {
        let attributes = tree.attributes[index]
        let all = ["class", "id", "data-component"].compactMap { attributes[$0] }.filter { !$0.isEmpty }
            .map(ClassProfiles.Words.init)
        return ClassProfiles.Words.marks(all).marked
    }
}
