/// Class names and ids as words, and what they say about an element: readability's class
/// weight, with words matched whole ("l-sidebar-fixed" is l, sidebar, fixed; "header" never
/// holds "ad"). camelCase is split too ("articleBody" is article, body).
enum ClassWords {
    static let positive: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
        "prose", "richtext",
    ]
    static let negative: Set<String> = [
        "hidden", "banner", "combx", "comment", "comments", "contact", "foot", "footer", "footnote", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "sponsored", "shopping", "tags", "tool", "tools", "widget", "ad", "ads", "rail",
        "nav", "menu", "social", "newsletter", "byline", "author", "caption", "credit", "breadcrumb", "subscribe",
        "recommended", "trending", "popular", "teaser",
    ]

    /// Calls `body` with each lower-case word of a class or id value, split at anything not a
    /// letter or digit and at lower-to-upper case changes, on UTF-8 bytes (other bytes count as
    /// letters); words longer than `maximumLength` bytes are skipped (they are in no list).
    ///
    /// - Complexity: O(n) in the value's bytes.
    static func forEachWord(_ value: String, maximumLength: Int, _ body: (String) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(maximumLength + 1)
        var previousLower = false
        var tooLong = false
        func flush() {
            if !current.isEmpty, !tooLong { body(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            tooLong = false
        }
        for byte in value.utf8 {
            let upper = byte >= 0x41 && byte <= 0x5A
            let lower = byte >= 0x61 && byte <= 0x7A
            if upper || lower || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                if upper, previousLower, !current.isEmpty || tooLong { flush() }
                if current.count < maximumLength {
                    current.append(upper ? byte + 0x20 : byte)
                } else {
                    tooLong = true
                }
                previousLower = lower
            } else {
                flush()
                previousLower = false
            }
        }
        flush()
    }
}
