import Foundation

/// Lines that a page's interface puts among the story's paragraphs: control labels ("Close",
/// "Text size", "Back to Gallery"), slot labels ("Advertisement"), teasers' headings ("You may
/// also like") and photo credits. A line is interface text only when it is short, does not end
/// a sentence, and is one of these labels or a credit line. They are set aside after the
/// archive's boilerplate rules (which name them first when they match) and listed in the
/// revision's removed text as `page-interface`, so nothing leaves the page unaccounted.
enum InterfaceText {
    /// The name under which these lines are listed in a revision's removed text.
    static let rule = "page-interface"

    static let labels: Set<String> = [
        "ad", "advert", "advertisement", "advertising", "sponsored", "sponsored content", "paid content",
        "close", "close x", "x", "caption", "toggle caption", "hide caption", "show caption", "expand", "collapse",
        "enlarge", "enlarge this image", "click to enlarge", "view image", "view gallery", "back to gallery",
        "open gallery", "gallery", "image", "images", "photo", "photos", "video", "watch", "play", "play video",
        "listen", "audio", "loading", "loading...", "text size", "font size", "print", "email", "e-mail", "share",
        "share this", "share this article", "share this story", "share on facebook", "share on twitter", "tweet",
        "comments", "comment", "view comments", "show comments", "read more", "read more:", "more", "see more",
        "continue reading", "keep reading", "read the full story", "related", "related:", "related articles",
        "related stories", "related content", "related coverage", "you may also like", "you might also like",
        "recommended", "recommended for you", "most popular", "most read", "trending", "trending now",
        "more stories", "more from", "more on this story", "more on this", "also read", "see also", "filed under",
        "filed under:", "tags", "tags:", "topics", "topics:", "sign up", "subscribe", "subscribe now",
        "skip advertisement", "skip ad", "scroll to continue", "scroll down", "story continues below",
        "article continues below", "story continues below advertisement", "continue reading below",
        "advertisement - continue reading below", "click here", "next", "previous", "prev", "top", "back to top",
        "menu", "search", "home", "copy link", "link copied", "copied", "cookie settings", "accept", "reply", "don't miss", "don’t miss",
        "this slideshow requires javascript.", "tell us what you think", "tell us what you think...", "what do you think?",
    ]
    static let creditWords: [String] = [
        "getty images", "ap photo", "afp", "reuters", "shutterstock", "istock", "epa", "alamy", "pa images",
        "pa wire", "associated press", "photo:", "photo by", "photograph:", "photograph by", "image:", "image by",
        "picture:", "credit:", "photo credit", "image credit", "illustration:", "(photo", "(image",
    ]

    /// Words that open a page's time stamp line ("Published Nov 18, 2019 at 4:07 PM | Updated
    /// 5:36 PM"); the page's metadata gives these times.
    static let stampWords: [String] = ["published", "updated", "posted", "last updated", "first published", "modified"]

    /// `text` without the punctuation at either end ("Read more:" is "read more").
    static func withoutEndPunctuation(_ text: String) -> String {
        // A letter or digit at both ends (a byte that is a whole character): nothing to drop.
        func plain(_ byte: UInt8?) -> Bool {
            guard let byte else { return true }
            return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        if plain(text.utf8.first), plain(text.utf8.last) { return text }
        let isPunctuation = { (character: Character) in character.isPunctuation || character.isSymbol }
        // Trimmed at both ends in place (a string rebuilt from a reversed view costs a hundred
        // thousand instructions).
        var start = text.startIndex
        var end = text.endIndex
        while start < end, isPunctuation(text[start]) { start = text.index(after: start) }
        while end > start {
            let before = text.index(before: end)
            guard isPunctuation(text[before]) else { break }
            end = before
        }
        return String(text[start..<end])
    }

    /// Words of a page's date line: months, weekdays, clock and zone words, "updated 2 hours ago".
    static let dateWords: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
        "friday", "sat", "saturday", "sun", "sunday", "am", "pm", "a.m", "p.m", "et", "pt", "ct", "mt", "edt", "est",
        "cdt", "cst", "mdt", "mst", "pdt", "pst", "gmt", "utc", "bst", "cet", "cest", "ist", "aest", "jst", "hkt",
        "updated", "published", "posted", "modified", "last", "first", "on", "at", "ago", "hour", "hours",
        "minute", "minutes", "min", "mins", "day", "days", "week", "weeks", "yesterday", "today", "just", "now",
        "|", "-", "–", "—", "/", "·", "•",
    ]
    static let clockWords: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "am", "pm", "a.m", "p.m", "ago",
    ]

    /// A line of nothing but a date and time ("September 26, 2024 11:40 AM EDT Updated 2 hours
    /// ago", "Nov. 19, 2019 8:03 am ET"): the page's stamp, whose time its metadata gives.
    static func isDateLine(_ lowered: String, words: Int) -> Bool {
        guard words <= 16 else { return false }
        var sawDigit = false
        var sawClockWord = false
        for raw in lowered.split(whereSeparator: { $0 == " " }) {
            let word = raw.trimmingPunctuation(keeping: ["|", "-", "–", "—", "/", "·", "•"])
            if word.isEmpty { continue }
            if word.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "," || $0 == "." || $0 == "/" || $0 == "-" }) {
                sawDigit = sawDigit || word.contains(where: \.isNumber)
                continue
            }
            // "11:40am", "2024-09-26t11", "8:03pm"
            if word.first?.isNumber == true, word.hasSuffix("am") || word.hasSuffix("pm") {
                sawDigit = true
                sawClockWord = true
                continue
            }
            guard dateWords.contains(word) else { return false }
            sawClockWord = sawClockWord || clockWords.contains(word)
        }
        return sawDigit && sawClockWord
    }

    /// Whether `paragraph` is interface text (see the type's summary).
    static func isInterface(_ paragraph: String) -> Bool {
        // Fourteen words never take 300 bytes: most paragraphs stop here.
        guard paragraph.utf8.count <= 300 else { return false }
        var words = 0
        var inWord = false
        for byte in paragraph.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard words <= 14 else { return false }
        let lowered = paragraph.lowercased()
        if words <= 7, labels.contains(lowered) || labels.contains(Self.withoutEndPunctuation(lowered)) {
            return true
        }
        if ContentScorer.endsSentence(paragraph) { return false }
        // A date line and a stamp both hold a number: an ASCII digit, else (rarely) another
        // numeric character.
        let hasNumber = paragraph.utf8.contains { (0x30...0x39).contains($0) }
            || (paragraph.utf8.contains { $0 >= 0x80 } && paragraph.contains(where: \.isNumber))
        if hasNumber, isDateLine(lowered, words: words) { return true }
        if hasNumber, words <= 16, stampWords.contains(where: { lowered.hasPrefix($0) }) { return true }
        return creditWords.contains { lowered.containsBytes($0) } && (lowered.containsByte(0x2F) || lowered.containsByte(0x3A)
            || lowered.hasPrefix("(") || words <= 6)
    }
}

extension Substring {
    /// Without the punctuation at either end, except the characters in `keeping` when they are
    /// the whole word ("26," is "26"; "|" stays "|").
    func trimmingPunctuation(keeping: Set<Character>) -> String {
        if count == 1, let only = first, keeping.contains(only) { return String(only) }
        let isPunctuation = { (character: Character) in character.isPunctuation && character != "." || character == "," }
        var text = self.drop(while: isPunctuation)
        while let last = text.last, last.isPunctuation { text = text.dropLast() }
        return String(text)
    }
}
