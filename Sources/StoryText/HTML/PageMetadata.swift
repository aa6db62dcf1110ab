import Foundation

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
            let name = node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")
            guard let key = name?.lowercased(),
                  let content = node.attribute("content"), meta[key] == nil else { continue }
            meta[key] = content
        }
        let article = Self.jsonLDArticle(in: document)
        let title = document.first { $0.name == "title" }.map { TextReader.normalizeSpaces($0.textContent) }
        let h1 = document.first { $0.name == "h1" && !Furniture.drops($0) }
            .map { TextReader.normalizeSpaces($0.textContent) }
        headline = [article?["headline"] as? String, meta["og:title"], meta["twitter:title"], h1, title]
            .compactMap { $0.map(TextReader.normalizeSpaces) }.first { !$0.isEmpty }
        articleBody = article?["articleBody"] as? String
        authors = Self.names(article?["author"])
        if authors.isEmpty, let author = meta["author"] ?? meta["article:author"], !author.hasPrefix("http") {
            authors = author.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        let parse = { (text: String?) in text.flatMap { TimeParsing.parse($0, options: options) } }
        published = parse(article?["datePublished"] as? String) ?? parse(meta["article:published_time"])
        updated = parse(article?["dateModified"] as? String) ?? parse(meta["article:modified_time"])
            ?? parse(meta["og:updated_time"])
        let canonical = document.first { $0.name == "link" && $0.attribute("rel")?.lowercased() == "canonical" }?
            .attribute("href")
        let mainEntity = (article?["mainEntityOfPage"] as? [String: Any])?["@id"] as? String
        url = [canonical, meta["og:url"], article?["url"] as? String, mainEntity].compactMap { $0 }
            .first { !$0.isEmpty }
    }

    /// The first JSON-LD object (also inside arrays and `@graph`) typed as an article.
    static func jsonLDArticle(in document: HTMLNode) -> [String: Any]? {
        let scripts = document.descendants {
            $0.name == "script" && $0.attribute("type")?.lowercased() == "application/ld+json"
        }
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
