import Foundation

/// What `capture` knows of one watched URL between runs (a row of the capture state,
/// docs/capture.md "The state kept"). Times are whole seconds since 1970.
public struct WatchedURLState: Sendable, Equatable {
    public var url: String
    public var kind: WatchEntry.Kind
    /// The story its versions are recorded in, once one was.
    public var story: String?
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the last body received with status 200: the same bytes again cost no parse.
    public var bodySHA256: String?
    public var finalURL: String?
    public var lastFetch: Int64?
    public var lastStatus: Int?
    /// When a version was last recorded from it (or, before any, when it was first watched).
    public var lastChange: Int64
    /// When it is next fetched; nil: the schedule ran out (only `capture --all` fetches it).
    public var nextDue: Int64?
    /// Failures in a row (network errors, timeouts, 5xx, 429).
    public var failures: Int
    public var lastError: String?
    /// The status (404, 410) of a disappearance already noted in the story's history.
    public var gone: Int?
}
