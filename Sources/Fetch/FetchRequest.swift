import Foundation

/// One HTTP GET to make: the URL, the conditional headers from the last fetch, and the limits
/// that keep a slow or hostile server from holding a fetcher.
public struct FetchRequest: Sendable {
    /// The absolute http or https URL to get.
    public var url: URL
    /// Sent as If-None-Match (the ETag of the copy already held), when set.
    public var ifNoneMatch: String?
    /// Sent as If-Modified-Since (the Last-Modified of the copy already held), when set.
    public var ifModifiedSince: String?
    /// Sent as User-Agent; a polite crawler names itself and a contact.
    public var userAgent: String
    /// Seconds the whole transfer may take, redirects included; past it the fetch fails with
    /// `.timedOut`.
    public var timeout: Double
    /// Redirects followed at most; one more fails with `.tooManyRedirects`.
    public var maximumRedirects: Int
    /// Bytes of (decoded) body accepted at most; more fails with `.tooLarge`.
    public var maximumBytes: Int
    /// Sent as Accept, when set.
    public var accept: String?

    public init(url: URL, userAgent: String, ifNoneMatch: String? = nil, ifModifiedSince: String? = nil,
                timeout: Double = 30, maximumRedirects: Int = 5, maximumBytes: Int = 64 << 20,
                accept: String? = nil) {
        self.url = url
        self.userAgent = userAgent
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
        self.timeout = timeout
        self.maximumRedirects = maximumRedirects
        self.maximumBytes = maximumBytes
        self.accept = accept
    }
}
