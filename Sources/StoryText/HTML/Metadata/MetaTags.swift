import Foundation

/// The page's `<meta>` tags by lower-cased `property`, `name` or `itemprop`, each key with every
/// non-empty `content` in document order (a page may give two `og:title`s).
struct MetaTags {
    private var values: [String: [String]] = [:]

    init(document: HTMLNode) {
        for node in document.descendants(where: { $0.name == "meta" }) {
            guard let content = node.attribute("content").map(TextReader.normalizeSpaces), !content.isEmpty
            else { continue }
            for attribute in ["property", "name", "itemprop"] {
                guard let key = node.attribute(attribute)?.lowercased() else { continue }
                values[key, default: []].append(content)
            }
        }
    }

    /// The first value of the first key present.
    subscript(_ keys: String...) -> String? {
        keys.lazy.compactMap { values[$0]?.first }.first
    }

    func all(_ key: String) -> [String] { values[key] ?? [] }
}
