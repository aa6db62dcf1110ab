import Foundation

/// What a server answered, after any redirects: every status is a response (304, 404, 429 ...).
public struct FetchResponse: Sendable {
    /// The URL the request named.
    public var requestedURL: URL
    /// The URL that answered, after redirects (the requested URL when there were none).
    public var finalURL: URL
    /// Each redirect followed, in order: the URL of every Location (made absolute).
    public var redirects: [URL]
    /// The final HTTP status.
    public var status: Int
    /// The final response's headers, names lower-cased (repeated headers joined by ", ").
    public var headers: [String: String]
    /// The entity body as delivered, gzip or deflate content-coding already decoded.
    public var body: [UInt8]
    /// The Content-Encoding the server sent (the body is decoded regardless).
    public var contentEncoding: String?
    /// Seconds from the start of the request to the end of the body.
    public var elapsed: Double

    public init(requestedURL: URL, finalURL: URL, redirects: [URL], status: Int, headers: [String: String],
                body: [UInt8], contentEncoding: String?, elapsed: Double) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.redirects = redirects
        self.status = status
        self.headers = headers
        self.body = body
        self.contentEncoding = contentEncoding
        self.elapsed = elapsed
    }

    /// The ETag header, for the next request's If-None-Match.
    public var etag: String? { headers["etag"] }

    /// The Last-Modified header, for the next request's If-Modified-Since.
    public var lastModified: String? { headers["last-modified"] }

    /// Seconds to wait before asking again, from Retry-After (RFC 9110 10.2.3): delta-seconds, or
    /// an HTTP-date taken relative to `now` (never negative); nil when absent or unreadable.
    public func retryAfter(now: Date) -> Double? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return Double(value)
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
