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
    /// letters); words longer than `maximumLength` bytes are skipped (they are in no list). The
    /// word is handed over as its bytes in a buffer reused from word to word (valid only during
    /// the call): most words are in no list, and they are never made strings.
    ///
    /// - Complexity: O(n) in the value's bytes.
    static func forEachWord(_ value: String, maximumLength: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(maximumLength, 1)) { current in
            var length = 0
            var previousLower = false
            var tooLong = false
            func flush() {
                if length > 0, !tooLong { body(UnsafeBufferPointer(rebasing: current[..<length])) }
                length = 0
                tooLong = false
            }
            func step(_ byte: UInt8) {
                let upper = byte >= 0x41 && byte <= 0x5A
                let lower = byte >= 0x61 && byte <= 0x7A
                if upper || lower || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                    if upper, previousLower, length > 0 || tooLong { flush() }
                    if length < maximumLength {
                        current[length] = upper ? byte + 0x20 : byte
                        length += 1
                    } else {
                        tooLong = true
                    }
                    previousLower = lower
                } else {
                    flush()
                    previousLower = false
                }
            }
            func read(_ bytes: UnsafeBufferPointer<UInt8>) {
                for byte in bytes { step(byte) }
            }
            if value.utf8.withContiguousStorageIfAvailable(read) == nil {
                for byte in value.utf8 { step(byte) }
            }
            flush()
        }
    }
}
