import Foundation

/// What a person read on a page: its visible headline, the names in its byline, and the
/// publication time it states (ISO 8601 with the offset the page shows, a bare day such as
/// `2019-11-18` when it shows no time, or nil when it states none).
public struct MetadataAnnotation: Codable, Sendable, Equatable {
    public var headline: String
    public var authors: [String]
    public var published: String?
}

/// Exact-match counts of `PageMetadata` against annotations: the headline as written, the
/// author list in order, the publication instant (to the minute, or the day for a bare day),
/// and the instant together with the offset.
public struct MetadataScore: Sendable, Equatable {
    public private(set) var pages = 0
    public private(set) var headlines = 0
    public private(set) var authors = 0
    public private(set) var publishedInstants = 0
    public private(set) var publishedOffsets = 0

    public init() {}

    /// Counts one page; returns a line for each field that differs.
    @discardableResult
    public mutating func add(_ annotation: MetadataAnnotation, _ found: PageMetadata) -> [String] {
        add(annotation, headline: found.headline, authors: found.authors, published: found.published)
    }

    @discardableResult
    public mutating func add(_ annotation: MetadataAnnotation, headline: String?, authors found: [String],
                             published: StatedTime?) -> [String] {
        pages += 1
        var misses: [String] = []
        if headline == annotation.headline { headlines += 1 } else {
            misses.append("headline: \(headline ?? "nil") | expected \(annotation.headline)")
        }
        if found == annotation.authors { authors += 1 } else {
            misses.append("authors: \(found) | expected \(annotation.authors)")
        }
        let (instant, offset) = Self.agreement(annotation.published, published)
        if instant { publishedInstants += 1 }
        if offset { publishedOffsets += 1 } else {
            misses.append("published: \(published.map(\.iso8601) ?? "nil") | expected \(annotation.published ?? "nil")")
        }
        return misses
    }

    public func rate(_ count: Int) -> Double { pages == 0 ? 0 : Double(count) / Double(pages) }

    public var summary: String {
        let percent = { (count: Int) in String(format: "%.1f%%", 100 * rate(count)) }
        return "pages \(pages)  headline \(headlines) (\(percent(headlines)))  authors \(authors) "
            + "(\(percent(authors)))  published instant \(publishedInstants) (\(percent(publishedInstants)))  "
            + "published with offset \(publishedOffsets) (\(percent(publishedOffsets)))"
    }

    /// Whether `found` has the annotated instant, and whether it also has the annotated offset.
    static func agreement(_ expected: String?, _ found: StatedTime?) -> (instant: Bool, offset: Bool) {
        guard let expected else { return (found == nil, found == nil) }
        let utc = ReadingOptions(timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
        guard let found, let stated = TimeParsing.parseStated(expected, options: utc) else { return (false, false) }
        if !stated.hasTime {
            let day = String(found.iso8601.prefix(10))
            return (day == expected, day == expected)
        }
        let sameMinute = Int(found.date.timeIntervalSince1970 / 60) == Int(stated.date.timeIntervalSince1970 / 60)
        return (sameMinute, sameMinute && (found.offsetSeconds ?? 0) == (stated.offsetSeconds ?? 0))
    }
}
