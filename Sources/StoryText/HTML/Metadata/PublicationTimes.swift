import Foundation

/// When a page says it was published and last modified, with the UTC offset it says it in.
///
/// Candidates, most trusted first: JSON-LD `datePublished`, `article:published_time`, the
/// `itemprop=datePublished` meta tag or element (`content` or `datetime`), a `<time>` marked
/// `pubdate` or with the class word "published", `parsely-pub-date`, `sailthru.date`, `dc.date`,
/// then a `<time datetime>` in the article's header or byline. The first one that names a zone
/// and a time of day wins; else the first with a time of day; else a bare day.
///
/// Many pages state the instant in UTC (`Z`) and show their readers local time; converting to
/// UTC alone would move some stories to the next day. So the page's own offset is taken from
/// what it shows: the clock in its visible date line ("Nov. 19, 2019 8:03 am ET" beside
/// `2019-11-19T13:03:00Z` is `-05:00`; with a zone abbreviation the clock must agree with it,
/// and it picks among candidates that disagree on the instant, but never the page's modified
/// time: a header may show when the story was last updated). Without one, when the chosen
/// time is in UTC, another candidate for the same instant tells the offset: one that names a
/// non-zero offset, or a zone-less local time a whole number of quarter hours away
/// (`2019-11-19 20:59:46` beside `2019-11-20T02:59:46Z` is `-06:00`).
struct PublicationTimes {
    var published: StatedTime?
    var updated: StatedTime?

    init(meta: MetaTags, linkedData: LinkedData, document: HTMLNode, options: ReadingOptions) {
        let times = TimeElements(document: document)
        let publishedTexts: [String?] = [linkedData.string("datePublished"), meta["article:published_time"]]
            + linkedData.allStrings("datePublished") + [ meta["datepublished"],
            times.itemprop("datepublished"), times.published, meta["parsely-pub-date"], meta["sailthru.date"],
            meta["dc.date", "dc.date.issued", "dcterms.date", "dcterms.created"],
            meta["pubdate", "publishdate", "publish-date", "article.published"], times.inHeader, times.inArticle,
            times.inHeader == nil && times.inArticle == nil ? times.anywhere : nil,
        ]
        let updatedTexts: [String?] = [
            linkedData.string("dateModified"), meta["article:modified_time"], meta["og:updated_time"],
            meta["datemodified"], times.itemprop("datemodified"), meta["dcterms.modified"],
        ]
        // Last, the dates the page shows ("REUTERS 19 NOV 2019"), read as written.
        let shown = times.shown.filter { !Self.isUpdateLine($0) }
        updated = Self.choose(updatedTexts.compactMap { $0 }, shown: [], options: options)
        published = Self.choose(publishedTexts.compactMap { $0 }, shown: shown, options: options,
                                modified: updated?.date)
    }

    /// The time `texts` (in order of trust) state, in the offset the page's `shown` date lines use.
    static func choose(_ texts: [String], shown: [String], options: ReadingOptions,
                       modified: Date? = nil) -> StatedTime? {
        let parsed = texts.compactMap { TimeParsing.parseStated($0, options: options) }
            + shown.compactMap { WrittenTimes.find(in: $0, options: options) }
        let zoned = parsed.filter { $0.offsetSeconds != nil && $0.hasTime }
        if let clock = shown.lazy.compactMap(WrittenTimes.clock(in:)).first {
            // The modified time is not a publication time, unless it is the most trusted one's
            // (a story never updated).
            for candidate in zoned where candidate.date != modified || candidate.date == zoned.first?.date {
                if let offset = Self.offset(of: candidate.date, showing: clock) {
                    return StatedTime(date: candidate.date, offsetSeconds: offset, hasTime: true)
                }
            }
        }
        guard var chosen = zoned.first ?? parsed.first(where: \.hasTime) ?? parsed.first else { return nil }
        guard chosen.offsetSeconds == 0, chosen.hasTime else { return chosen }
        if let local = parsed.first(where: { $0.date == chosen.date && ($0.offsetSeconds ?? 0) != 0 }) {
            chosen.offsetSeconds = local.offsetSeconds
            return chosen
        }
        let utc = ReadingOptions(dateOrder: options.dateOrder, timeZone: TimeZone(secondsFromGMT: 0) ?? options.timeZone)
        for text in texts {
            guard let wall = TimeParsing.parseStated(text, options: utc), wall.offsetSeconds == nil, wall.hasTime
            else { continue }
            let difference = Int(wall.date.timeIntervalSince(chosen.date).rounded())
            if difference != 0, difference % 900 == 0, abs(difference) <= 14 * 3600 {
                chosen.offsetSeconds = difference
                return chosen
            }
        }
        return chosen
    }

    static let updateWords = ["updated", "modified", "actualizado", "atualizado", "aktualisiert", "mis à jour",
                              "aggiornato", "обновлено"]

    /// "Updated 1:39 am EST": a date line that shows when the page changed, not when it was published.
    static func isUpdateLine(_ text: String) -> Bool {
        let lower = text.lowercased()
        let head = lower.firstIndex(where: \.isNumber).map { String(lower[..<$0]) } ?? lower
        // ASCII text holds a word exactly when its bytes do (no combining marks, and the words
        // that are not ASCII cannot occur): Foundation's search, ten times the work, for the rest.
        if !head.utf8.contains(where: { $0 >= 0x80 }) { return updateWords.contains { head.containsBytes($0) } }
        return updateWords.contains { head.contains($0) }
    }

    /// The offset at which `date` reads as `clock`: a whole number of quarter hours between
    /// -12:00 and +14:00, and the offset of the clock's zone abbreviation when it has one.
    static func offset(of date: Date, showing clock: (minutes: Int, zone: String?)) -> Int? {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let utcMinutes = ((seconds / 60) % 1440 + 1440) % 1440
        var difference = ((clock.minutes - utcMinutes) % 1440 + 1440) % 1440
        if difference > 14 * 60 { difference -= 1440 }
        guard difference % 15 == 0, difference >= -12 * 60 else { return nil }
        if let zone = clock.zone, let stated = WrittenTimes.offset(of: zone, at: date) {
            return stated == difference * 60 ? stated : nil
        }
        return difference * 60
    }
}

/// The `datetime` (or `content`) of the page's `<time>` and `itemprop` date elements, outside
/// furniture such as comments and related-story lists.
private struct TimeElements {
    private var byItemprop: [String: String] = [:]
    /// The first `<time>` marked `pubdate` or with the class word "published".
    private(set) var published: String?
    /// The first `<time>` inside a `<header>` or a byline.
    private(set) var inHeader: String?
    /// The first `<time>` inside an `<article>`.
    private(set) var inArticle: String?
    /// The first `<time>` elsewhere (outside other stories), the last candidate: some pages put
    /// their date line in neither a header nor the `<article>`.
    private(set) var anywhere: String?
    private var anywhereShown: String?
    /// What the page shows of its date line: the text of those `<time>`s and of bylines.
    private(set) var shown: [String] = []
    private var shownLater: [String] = []

    init(document: HTMLNode) {
        walk(document, inHeader: false, inArticle: false)
        if inHeader == nil, inArticle == nil, let text = anywhereShown { shownLater.append(text) }
        shown += shownLater
    }

    /// Class words of a date line's container ("published", "publishing-details", "timestamp").
    static let dateLineWords: WordSet = ["published", "publishing", "pubdate", "posted", "dateline", "timestamp",
                                             "byline", "meta", "date", "time", "datetime", "datepublished",
                                             "publishdate", "publishedat", "publish"]


    func itemprop(_ name: String) -> String? { byItemprop[name] }

    private mutating func walk(_ node: HTMLNode, inHeader: Bool, inArticle: Bool) {
        for child in node.children where child.kind == .element {
            // An element with no attributes is no byline, date line or dated element: only a <time>
            // there, a container or other stories.
            if child.attributes.isEmpty, child.name != "time" {
                if OtherStories.tags.contains(child.name) { continue }
                walk(child, inHeader: inHeader || child.name == "header", inArticle: inArticle || child.name == "article")
                continue
            }
            let labels = OtherStories.labelWords(child)
            if OtherStories.holds(child, labels: labels) { continue }
            let isByline = BylineElements.isByline(child, labels: labels)
            let words = child.attribute("id") == nil ? labels : OtherStories.labelWords(child, id: false)
            var text = ""
            if child.name == "time" {
                // With its label: "Updated Nov 13, 2019, 10:28am EST" is no publication time.
                text = OtherStories.spacedText(node, limit: 160) ?? OtherStories.spacedText(child, limit: 160) ?? ""
            } else if isByline, let line = OtherStories.spacedText(child, limit: 200) {
                shownLater.append(line)
            }
            let dateLine = words.contains(where: Self.dateLineWords.contains)
            if dateLine, !isByline, child.name != "time", let line = OtherStories.spacedText(child, limit: 120) {
                shownLater.append(line)
            }
            let itemprop = child.attribute("itemprop")?.lowercased()
            var value = (child.attribute("datetime") ?? child.attribute("content")).map(TextReader.normalizeSpaces)
            if value == nil, itemprop != nil || child.name == "time" {
                value = OtherStories.spacedText(child, limit: 100)
            }
            let inDateLine = inHeader || dateLine
            if itemprop == "datepublished", child.name != "time",
               let line = OtherStories.spacedText(child, limit: 160) {
                shown.append(line)
            }
            if let value, !value.isEmpty {
                if let prop = itemprop, byItemprop[prop] == nil, child.name != "meta" {
                    byItemprop[prop] = value
                }
                if child.name == "time" {
                    let marksPublished = child.attributes["pubdate"] != nil
                        || ["published", "publish", "pubdate"].contains(where: words.contains)
                        || itemprop == "datepublished"
                    let marksUpdated = words.contains("updated") || words.contains("modified")
                    if published == nil, marksPublished {
                        published = value
                        shown.append(text)
                    }
                    if !marksUpdated || marksPublished {
                        if self.inHeader == nil, inDateLine {
                            self.inHeader = value
                            shown.append(text)
                        }
                        if self.inArticle == nil, inArticle {
                            self.inArticle = value
                            shownLater.append(text)
                        }
                        if self.anywhere == nil, !inArticle, !inDateLine {
                            self.anywhere = value
                            anywhereShown = text
                        }
                    }
                }
            }
            walk(child, inHeader: inHeader || child.name == "header" || isByline || dateLine,
                 inArticle: inArticle || child.name == "article")
        }
    }
}
