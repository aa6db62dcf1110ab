import Foundation

/// Feed links made absolute: resolved against the `xml:base` in scope and the feed's own URL
/// (RFC 3986 section 5), and kept only when the result is a web address.
enum FeedLinks {
    /// `href` (trimmed) resolved against `base`, when the result is an absolute `http` or `https`
    /// URL with a host; nil for `javascript:`, `mailto:`, a relative link with no base, or junk.
    ///
    /// - Complexity: O(n) in the lengths of `href` and `base`.
    static func resolve(_ href: String, against base: URL?) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return url.absoluteString
    }

    /// `text` when it already is an absolute web address (a `<guid>` standing in for a link is
    /// never resolved: a relative one is an identifier, not an address).
    static func absolute(_ text: String) -> String? { resolve(text, against: nil) }

    /// The base in scope inside `element`: its `xml:base` resolved against `parent`.
    static func base(of element: FeedElement, inside parent: URL?) -> URL? {
        guard let value = element.attribute("base", in: .xml)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return parent }
        return URL(string: value, relativeTo: parent)?.absoluteURL ?? parent
    }
}
