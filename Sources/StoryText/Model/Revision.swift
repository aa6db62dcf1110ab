import Foundation

/// One revision of a story as the reader understood it: wire metadata kept apart from the
/// body, and the body as a list of paragraphs.
public struct Revision: Sendable, Equatable {
    /// The version tag that preceded the headline, such as `UPDATE 4` or `CORRECTED-UPDATE 2`.
    public var tag: String?
    public var headline: String
    /// The editor's advisory line, such as `(Adds Chinese confirmation of talks, comment)`.
    public var advisory: Advisory?
    /// The byline as printed, such as `By Michael Martina and David Brunnstrom`.
    public var byline: String?
    /// The authors named by the byline.
    public var authors: [String]
    public var dateline: Dateline?
    public var published: Date?
    /// The UTC offset, in seconds east, that the input stated `published` in ("-05:00" is
    /// -18000), or nil when it named no zone. The instant is `published`; this keeps the day
    /// and hour the page's readers saw.
    public var publishedOffset: Int?
    public var updated: Date?
    public var url: String?
    /// The story id the input itself names (the `story` field of JSON input).
    public var story: String?
    /// Credit lines such as `Reporting by ...; Editing by ...`.
    public var credits: [String]
    public var paragraphs: [String]
    /// Text of the input that is not part of the story, with the rule that set it aside.
    public var removed: [RemovedText]

    public init(tag: String? = nil, headline: String, advisory: Advisory? = nil, byline: String? = nil,
                authors: [String] = [], dateline: Dateline? = nil, published: Date? = nil,
                publishedOffset: Int? = nil, updated: Date? = nil, url: String? = nil, story: String? = nil, credits: [String] = [],
                paragraphs: [String], removed: [RemovedText] = []) {
        self.tag = tag
        self.headline = headline
        self.advisory = advisory
        self.byline = byline
        self.authors = authors
        self.dateline = dateline
        self.published = published
        self.publishedOffset = publishedOffset
        self.updated = updated
        self.url = url
        self.story = story
        self.credits = credits
        self.paragraphs = paragraphs
        self.removed = removed
    }
}
