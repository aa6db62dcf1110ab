import Foundation

/// The page's JSON-LD: the first object typed as an article (also inside arrays and `@graph`),
/// and every object by its `@id`, so that `"author": {"@id": ...}` finds the person's name.
struct LinkedData {
    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "SocialMediaPosting",
    ]
    static let organizationTypes: Set<String> = ["Organization", "NewsMediaOrganization", "WebSite", "Corporation"]

    private(set) var article: [String: Any]?
    private var objects: [[String: Any]] = []
    private var byID: [String: [String: Any]] = [:]

    init(document: HTMLNode) {
        let scripts = document.descendants {
            $0.name == "script" && $0.attribute("type")?.lowercased() == "application/ld+json"
        }
        for script in scripts {
            guard let data = script.textContent.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            collect(json)
        }
        article = objects.first { Self.types(of: $0).contains(where: Self.articleTypes.contains) }
    }

    private mutating func collect(_ json: Any) {
        if let list = json as? [Any] {
            list.forEach { collect($0) }
            return
        }
        guard let object = json as? [String: Any] else { return }
        objects.append(object)
        if let id = object["@id"] as? String, byID[id] == nil || object.count > (byID[id]?.count ?? 0) {
            byID[id] = object
        }
        if let graph = object["@graph"] { collect(graph) }
    }

    static func types(of object: [String: Any]) -> [String] {
        (object["@type"] as? [String]) ?? [(object["@type"] as? String) ?? ""]
    }

    /// A text field of the article, its HTML character references decoded.
    func string(_ key: String) -> String? {
        let value = article?[key]
        let text = (value as? String) ?? (value as? [Any])?.first as? String
        return text.map { TextReader.normalizeSpaces(CharacterReferences.decode($0)) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A text field of every object that has one (the article's, a `WebPage`'s), in document order.
    func allStrings(_ key: String) -> [String] {
        objects.compactMap { $0[key] as? String }.map(TextReader.normalizeSpaces).filter { !$0.isEmpty }
    }

    /// Author names as written: strings, objects with `name`, `@id` references, lists of these.
    var authorNames: [String] { names(article?["author"]) + names(article?["creator"]) }

    /// Names of the publisher and of every organization or web site the page describes.
    var publisherNames: [String] {
        names(article?["publisher"])
            + objects.filter { Self.types(of: $0).contains(where: Self.organizationTypes.contains) }
                .flatMap { names($0["name"]) }
    }

    private func names(_ value: Any?, depth: Int = 0) -> [String] {
        guard depth < 4 else { return [] }
        if let name = value as? String {
            let text = TextReader.normalizeSpaces(CharacterReferences.decode(name))
            return text.isEmpty ? [] : [text]
        }
        if let list = value as? [Any] { return list.flatMap { names($0, depth: depth + 1) } }
        guard let object = value as? [String: Any] else { return [] }
        if object["name"] != nil { return names(object["name"], depth: depth + 1) }
        if let id = object["@id"] as? String, let target = byID[id], target["name"] != nil {
            return names(target["name"], depth: depth + 1)
        }
        return []
    }
}

/// Decodes the HTML character references JSON-LD strings sometimes carry (`&#8216;`, `&amp;`).
enum CharacterReferences {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "hellip": "\u{2026}",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";"), let value = reference(after[..<semicolon]) {
                out += value
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func reference(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16)
                : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[name.lowercased()]
    }
}
