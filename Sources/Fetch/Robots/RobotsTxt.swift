/// A site's robots.txt policy (RFC 9309): which paths a crawler may fetch and how long it asks
/// crawlers to wait between requests.
///
/// The groups that name the crawler's product token (case-insensitively, `Writethru` for
/// `Writethru/1.0 (+mailto:desk@example.com)`) apply, merged when there are several; with none,
/// the `*` groups do; with neither, everything is allowed. Of the rules that match a path, the
/// one with the most octets wins, and `Allow` wins a tie; a path no rule matches is allowed, and
/// `/robots.txt` itself always is.
public struct RobotsTxt: Sendable {
    let groups: [RobotsGroup]

    /// Parses a robots.txt file's first 500 KiB (RFC 9309 section 2.5).
    ///
    /// - Complexity: O(n) in the bytes read.
    public init(_ bytes: [UInt8]) { groups = RobotsParser.groups(bytes) }

    /// The policy of a site without robots.txt.
    public static let allowAll = RobotsTxt([])

    /// The policy of a site whose robots.txt could not be reached: nothing but `/robots.txt`.
    public static let disallowAll = RobotsTxt(Array("User-agent: *\nDisallow: /\n".utf8))

    /// What a fetch of /robots.txt that ended with `status` means (RFC 9309 section 2.3.1): 2xx,
    /// the body; 4xx, "unavailable", so everything is allowed, except 429 Too Many Requests, which
    /// is treated as a server error because the site is asking for fewer requests; 5xx, a network
    /// failure (give `status` 0) or anything else, "unreachable", so nothing is allowed. The
    /// client follows up to five redirects itself (section 2.3.1.2); a 3xx that still arrives
    /// here means it gave up, which the RFC lets it treat as unavailable: allowed.
    public static func forStatus(_ status: Int, body: [UInt8]) -> RobotsTxt {
        switch status {
        case 200...299: RobotsTxt(body)
        case 429: disallowAll
        case 300...499: allowAll
        default: disallowAll
        }
    }

    /// Whether a crawler whose User-Agent header is `userAgent` may fetch `pathAndQuery` (the
    /// request target, such as `/world/2021/storm.html?page=2`; empty means `/`).
    ///
    /// - Complexity: O(r·n·m) at worst in the applying rules, the path's and the patterns' lengths.
    public func allows(_ pathAndQuery: String, userAgent: String) -> Bool {
        let target = pathAndQuery.isEmpty ? "/" : pathAndQuery
        if target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first == "/robots.txt" {
            return true
        }
        let path = RobotsPattern.normalizedPath(target.utf8)
        var best: RobotsRule?
        for group in applying(to: userAgent) {
            for rule in group.rules where rule.pattern.matches(path) {
                guard let current = best else {
                    best = rule
                    continue
                }
                if rule.pattern.specificity > current.pattern.specificity
                    || (rule.pattern.specificity == current.pattern.specificity && rule.allows && !current.allows) {
                    best = rule
                }
            }
        }
        return best?.allows ?? true
    }

    /// The nonstandard `Crawl-delay` of the groups that apply to `userAgent`, in seconds; nil when
    /// they give none (RFC 9309 leaves it out; many news sites still write it).
    public func crawlDelay(userAgent: String) -> Double? {
        applying(to: userAgent).lazy.compactMap(\.crawlDelay).first
    }

    /// The groups naming the user agent's product token, or else the `*` groups.
    private func applying(to userAgent: String) -> [RobotsGroup] {
        if let token = RobotsGroup.productToken(userAgent), token != "*" {
            let named = groups.filter { $0.agents.contains(token) }
            if !named.isEmpty { return named }
        }
        return groups.filter { $0.agents.contains("*") }
    }
}
