/// A robots.txt group: the product tokens of its `User-agent` lines (lower-cased; `*` for the
/// fallback group), then its rules and `Crawl-delay`, in file order.
struct RobotsGroup: Sendable, Equatable {
    var agents: [String] = []
    var rules: [RobotsRule] = []
    /// The group's first readable `Crawl-delay`, in seconds.
    var crawlDelay: Double?

    /// The product token a `User-agent` value or a crawler's User-Agent header names: its leading
    /// run of letters, `-` and `_` (RFC 9309 section 2.2.1), lower-cased, so `Writethru/1.0
    /// (+mailto:desk@example.com)` is `writethru`; `*` stays `*`; nil when there is none.
    static func productToken(_ value: some StringProtocol) -> String? {
        let trimmed = value.drop(while: { $0 == " " || $0 == "\t" })
        if trimmed.first == "*" { return "*" }
        let token = trimmed.prefix(while: { ($0.isASCII && $0.isLetter) || $0 == "-" || $0 == "_" })
        return token.isEmpty ? nil : token.lowercased()
    }
}
