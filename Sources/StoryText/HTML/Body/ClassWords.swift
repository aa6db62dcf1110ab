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

    /// The lower-case words of a class or id value: split at anything not a letter or digit and
    /// at lower-to-upper case changes. Works on UTF-8 bytes (class names are nearly always
    /// ASCII; other bytes count as letters).
    ///
    /// - Complexity: O(n) in the value's bytes.
    static func words(_ value: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        for byte in value.utf8 {
            let upper = byte >= 0x41 && byte <= 0x5A
            let lower = byte >= 0x61 && byte <= 0x7A
            if upper || lower || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                if upper, previousLower, !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(upper ? byte + 0x20 : byte)
                previousLower = lower
            } else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with each word `words(value)` gives, shorter than `maximumLength` bytes
    /// (longer words are in no list), without building the array.
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

    /// +25 for each of class and id that reads like the article, -25 for each that reads like
    /// furniture (a value can be both: the two cancel).
    static func weight(_ tree: HTMLTree, _ index: Int) -> Int {
        let attributes = tree.attributes[index]
        if attributes.isEmpty { return 0 }
        var weight = 0
        for key in ["class", "id"] {
            guard let value = attributes[key], !value.isEmpty else { continue }
            let words = words(value)
            if words.contains(where: negative.contains) { weight -= 25 }
            if words.contains(where: positive.contains) { weight += 25 }
        }
        if attributes["itemprop"] == "articleBody" { weight += 25 }
        return weight
    }
}
