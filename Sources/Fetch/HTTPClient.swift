import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// HTTP GETs through one URLSession (libcurl on Linux, loaded on first use: Sources/CLazyCurl).
/// Thread-safe: `fetch` blocks the calling thread, and many threads may call it at once, sharing
/// at most `maximumConnections` connections per host. Nothing is cached and no cookie is kept,
/// so a conditional request's 304 comes back as a 304 and each fetch stands alone.
public final class HTTPClient: Sendable {
    private let session: URLSession
    private let delegate: SessionDelegate

    /// Fails with `.clientUnavailable` (one line naming the library and the package) when libcurl
    /// cannot be loaded.
    public init(maximumConnections: Int = 8) throws(FetchError) {
        if let why = Libcurl.unavailability() { throw .clientUnavailable(why) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCredentialStorage = nil
        configuration.httpMaximumConnectionsPerHost = max(1, maximumConnections)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        queue.name = "Fetch.HTTPClient"
        delegate = SessionDelegate()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit {
        // The session keeps its delegate until invalidated.
        session.invalidateAndCancel()
    }

    /// Gets `request.url`, following at most `request.maximumRedirects` redirects to http or https
    /// URLs, within `request.timeout` seconds for the whole transfer. Any HTTP status is a
    /// response; `.failure` means no response was had.
    public func fetch(_ request: FetchRequest) -> Result<FetchResponse, FetchError> {
        guard request.url.scheme != nil else { return .failure(.invalidURL(request.url.absoluteString)) }
        guard Self.isWebURL(request.url) else { return .failure(.unsupportedScheme(request.url.absoluteString)) }
        guard request.url.host?.isEmpty == false else { return .failure(.invalidURL(request.url.absoluteString)) }
        let started = DispatchTime.now()
        let transfer = Transfer(request: request)
        let task = session.dataTask(with: Self.urlRequest(request))
        delegate.register(transfer, for: task)
        defer { delegate.unregister(task) }
        task.resume()
        let deadline = started + .nanoseconds(Int(max(0, request.timeout) * 1e9))
        if !transfer.wait(until: deadline) {
            transfer.fail(.timedOut(seconds: request.timeout))
            task.cancel()
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Self.result(of: transfer, elapsed: elapsed)
    }

    /// Whether the URL is http or https, the only schemes fetched or redirected to.
    static func isWebURL(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased() else { return false }
        return scheme == "http" || scheme == "https"
    }

    private static func urlRequest(_ request: FetchRequest) -> URLRequest {
        // corelibs' own timer is an idle timer of whole seconds (it truncates); ours, in fetch,
        // bounds the whole transfer, so theirs is set a second later as a backstop.
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData,
                                    timeoutInterval: max(0, request.timeout).rounded(.up) + 1)
        urlRequest.httpMethod = "GET"
        urlRequest.httpShouldHandleCookies = false
        urlRequest.setValue(request.userAgent, forHTTPHeaderField: "User-Agent")
        if let accept = request.accept { urlRequest.setValue(accept, forHTTPHeaderField: "Accept") }
        if let etag = request.ifNoneMatch { urlRequest.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let date = request.ifModifiedSince { urlRequest.setValue(date, forHTTPHeaderField: "If-Modified-Since") }
        return urlRequest
    }

    private static func result(of transfer: Transfer, elapsed: Double) -> Result<FetchResponse, FetchError> {
        let outcome = transfer.snapshot()
        let request = transfer.request
        if let failure = outcome.failure { return .failure(failure) }
        if let error = outcome.error { return .failure(fetchError(error, request: request)) }
        guard let response = outcome.response as? HTTPURLResponse else {
            return .failure(.failed("no HTTP response from \(request.url.absoluteString)"))
        }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            guard let name = name as? String else { continue }
            headers[name.lowercased()] = value as? String ?? String(describing: value)
        }
        return .success(FetchResponse(
            requestedURL: request.url, finalURL: response.url ?? outcome.redirects.last ?? request.url,
            redirects: outcome.redirects, status: response.statusCode, headers: headers, body: outcome.body,
            contentEncoding: headers["content-encoding"], elapsed: elapsed))
    }

    /// URLSession's errors in Fetch's terms.
    private static func fetchError(_ error: any Error, request: FetchRequest) -> FetchError {
        guard let error = error as? URLError else { return .failed(String(describing: error)) }
        let text = error.localizedDescription
        switch error.code {
        case .timedOut: return .timedOut(seconds: request.timeout)
        case .cannotFindHost, .cannotConnectToHost, .networkConnectionLost, .dnsLookupFailed,
             .notConnectedToInternet:
            return .cannotConnect("\(request.url.host ?? request.url.absoluteString): \(text)")
        case .httpTooManyRedirects: return .tooManyRedirects(request.maximumRedirects)
        case .unsupportedURL: return .unsupportedScheme(request.url.absoluteString)
        case .badURL: return .invalidURL(request.url.absoluteString)
        default: return .failed("\(request.url.absoluteString): \(text)")
        }
    }
}
