import Foundation

/// Reads a news page: metadata from JSON-LD, OpenGraph and `article:` meta tags, `<title>`
/// and the canonical link; the body from JSON-LD `articleBody`, else the element marked
/// `itemprop="articleBody"`, else `<article>`, else the densest block of paragraph text.
/// Scripts, styles, navigation, asides, figures, share bars and ads never reach the body.
enum HTMLReader {
    static func read(_ html: String, options: ReadingOptions, filter: BoilerplateFilter) throws(ReadingError) -> Revision {
        let document = HTMLDocument.parse(html)
        let metadata = PageMetadata(document: document, options: options)
        var parts = StructuredParts()
        parts.headline = metadata.headline
        parts.authors = metadata.authors
        parts.published = metadata.published
        parts.updated = metadata.updated
        parts.url = metadata.url
        parts.paragraphs = body(of: document, articleBody: metadata.articleBody)
        guard !parts.paragraphs.isEmpty else { throw .noBody }
        return try RevisionReader.assemble(parts, options: options, filter: filter)
    }

    static func body(of document: HTMLNode, articleBody: String?) -> [String] {
        let fromMarkup = markupBody(of: document)
        if let articleBody {
            let paragraphs = JSONReader.paragraphs(of: articleBody).map(TextReader.normalizeSpaces).filter { !$0.isEmpty }
            // Some sites put the whole body on one line: the markup's paragraphing is better then.
            if paragraphs.count == 1, fromMarkup.count > 1 { return fromMarkup }
            if !paragraphs.isEmpty { return paragraphs }
        }
        return fromMarkup
    }

    private static func markupBody(of document: HTMLNode) -> [String] {
        if let marked = document.first(where: { $0.attribute("itemprop") == "articleBody" && !Furniture.drops($0) }) {
            let paragraphs = Blocks.paragraphs(of: marked)
            if !paragraphs.isEmpty { return paragraphs }
        }
        let articles = document.descendants { $0.name == "article" && !Furniture.drops($0) }
        if let article = articles.max(by: { Blocks.textLength(of: $0) < Blocks.textLength(of: $1) }) {
            let paragraphs = Blocks.paragraphs(of: article)
            if !paragraphs.isEmpty { return paragraphs }
        }
        guard let densest = Blocks.densest(in: document) else { return [] }
        return Blocks.paragraphs(of: densest)
    }
}

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
        if let role = node.attribute("role"), ["navigation", "complementary", "banner", "contentinfo", "dialog"].contains(role) {
            return true
        }
        let labels = [node.attribute("class"), node.attribute("id"), node.attribute("data-component")]
            .compactMap { $0 }.joined(separator: " ").lowercased()
        guard !labels.isEmpty else { return false }
        let words = labels.split { !$0.isLetter && !$0.isNumber }
        return words.contains { markers.contains(String($0)) }
    }
}

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

/// What a page says about itself in JSON-LD, meta tags, `<title>` and `<link rel=canonical>`.
struct PageMetadata {
    var headline: String?
    var articleBody: String?
    var authors: [String] = []
    var published: Date?
    var updated: Date?
    var url: String?

    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
    ]

    init(document: HTMLNode, options: ReadingOptions) {
        var meta: [String: String] = [:]
        for node in document.descendants(where: { $0.name == "meta" }) {
            guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                  let content = node.attribute("content"), meta[key] == nil else { continue }
            meta[key] = content
        }
        let article = Self.jsonLDArticle(in: document)
        let title = document.first { $0.name == "title" }.map { TextReader.normalizeSpaces($0.textContent) }
        let h1 = document.first { $0.name == "h1" && !Furniture.drops($0) }.map { TextReader.normalizeSpaces($0.textContent) }
        headline = [article?["headline"] as? String, meta["og:title"], meta["twitter:title"], h1, title]
            .compactMap { $0.map(TextReader.normalizeSpaces) }.first { !$0.isEmpty }
        articleBody = article?["articleBody"] as? String
        authors = Self.names(article?["author"])
        if authors.isEmpty, let author = meta["author"] ?? meta["article:author"], !author.hasPrefix("http") {
            authors = author.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let parse = { (text: String?) in text.flatMap { TimeParsing.parse($0, options: options) } }
        published = parse(article?["datePublished"] as? String) ?? parse(meta["article:published_time"])
        updated = parse(article?["dateModified"] as? String) ?? parse(meta["article:modified_time"])
            ?? parse(meta["og:updated_time"])
        let canonical = document.first { $0.name == "link" && $0.attribute("rel")?.lowercased() == "canonical" }?.attribute("href")
        let mainEntity = (article?["mainEntityOfPage"] as? [String: Any])?["@id"] as? String
        url = [canonical, meta["og:url"], article?["url"] as? String, mainEntity].compactMap { $0 }.first { !$0.isEmpty }
    }

    /// The first JSON-LD object (also inside arrays and `@graph`) typed as an article.
    static func jsonLDArticle(in document: HTMLNode) -> [String: Any]? {
        let scripts = document.descendants { $0.name == "script" && $0.attribute("type")?.lowercased() == "application/ld+json" }
        for script in scripts {
            guard let data = script.textContent.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data) else { continue }
            if let found = findArticle(json) { return found }
        }
        return nil
    }

    private static func findArticle(_ json: Any) -> [String: Any]? {
        if let list = json as? [Any] {
            return list.lazy.compactMap(findArticle).first
        }
        guard let object = json as? [String: Any] else { return nil }
        let types = (object["@type"] as? [String]) ?? [(object["@type"] as? String) ?? ""]
        if types.contains(where: articleTypes.contains) { return object }
        if let graph = object["@graph"] { return findArticle(graph) }
        return nil
    }

    /// Author names from a JSON-LD `author`: a string, an object with `name`, or a list.
    static func names(_ value: Any?) -> [String] {
        if let name = value as? String { return name.isEmpty ? [] : [TextReader.normalizeSpaces(name)] }
        if let object = value as? [String: Any] { return names(object["name"]) }
        if let list = value as? [Any] { return list.flatMap(names) }
        return []
    }
}
