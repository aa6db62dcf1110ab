import Foundation

/// What one pass did with one watched URL (a line of `capture`'s output).
public struct CaptureFetch: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        /// A new version was recorded.
        case recorded
        /// Fetched (200), but the same bytes or the same text as the version before.
        case unchanged
        /// 304 Not Modified: nothing was parsed.
        case notModified = "not-modified"
        /// A feed was read; `newURLs` of its items were added to the watch list.
        case feedRead = "feed-read"
        /// 404 or 410, noted in the story's history (once) as an event.
        case gone
        /// 429 or 503: the host asked to wait; fetched again after its Retry-After.
        case deferred
        /// robots.txt disallows it: not fetched.
        case blocked
        /// A network error, a timeout, an unexpected status or a page that cannot be read.
        case failed
    }

    public let url: String
    public let kind: WatchEntry.Kind
    public let outcome: Outcome
    /// The HTTP status, when a response came.
    public let status: Int?
    public let story: StoryID?
    public let version: Int?
    /// Why it failed, or what a feed gave: one line.
    public let detail: String?
    /// Items added from a feed.
    public let newURLs: Int
    /// When it is fetched next; nil: no longer (the schedule ran out).
    public let nextDue: Date?
    /// Whether a request was sent (a robots.txt block sends none).
    public let requested: Bool
    /// The bytes of the body received.
    public let bytes: Int

    public init(url: String, kind: WatchEntry.Kind, outcome: Outcome, status: Int? = nil, story: StoryID? = nil,
                version: Int? = nil, detail: String? = nil, newURLs: Int = 0, nextDue: Date?, requested: Bool,
                bytes: Int = 0) {
        self.url = url
        self.kind = kind
        self.outcome = outcome
        self.status = status
        self.story = story
        self.version = version
        self.detail = detail
        self.newURLs = newURLs
        self.nextDue = nextDue
        self.requested = requested
        self.bytes = bytes
    }
}

/// What one `capture` pass did: how many URLs it handled and with what outcome, each URL (in
/// the order they finished) when `CaptureOptions.keepsFetches` asked for them, and the
/// revisions it recorded.
public struct CaptureReport: Sendable {
    public var fetches: [CaptureFetch] = []
    /// URLs handled, by outcome.
    public var counts: [CaptureFetch.Outcome: Int] = [:]
    /// URLs handled in all.
    public var handled: Int { counts.values.reduce(0, +) }
    /// The outcomes of the revisions recorded, for hooks.
    public var recorded: [RecordOutcome] = []
    /// Requests sent, robots.txt files included.
    public var requests = 0
    /// URLs on the watch list when the pass ran.
    public var watched = 0
    public var started: Date
    public var finished: Date
    /// The earliest time any watched URL is due after this pass; nil when none is.
    public var nextDue: Date?

    public init(started: Date) {
        self.started = started
        finished = started
    }

    public func count(_ outcome: CaptureFetch.Outcome) -> Int { counts[outcome] ?? 0 }
}
