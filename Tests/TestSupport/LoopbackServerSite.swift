import Foundation

/// A mutable site for a LoopbackServer: responses by path, changed between capture passes.
/// A request is answered by the route of its full target (path and query) if there is one,
/// else by the route of its path alone, else by `fallback`. Thread-safe.
public final class LoopbackSite: Sendable {
    public typealias Respond = @Sendable (LoopbackRequest) -> LoopbackResponse
    private let routes = LockedRoutes()
    private let fallback: LoopbackResponse

    public init(fallback: LoopbackResponse = .status(404)) {
        self.fallback = fallback
    }

    /// Answers `path` with `response` from now on.
    public func set(_ path: String, _ response: LoopbackResponse) {
        set(path) { _ in response }
    }

    /// Answers `path` by calling `respond` for each request.
    public func set(_ path: String, _ respond: @escaping Respond) {
        routes.withLock { $0[path] = respond }
    }

    /// Answers `path` with `response`, carrying `etag` and `lastModified` when given, and with
    /// 304 Not Modified when the request's If-None-Match holds that ETag or its
    /// If-Modified-Since is that Last-Modified (a plain string comparison, as servers often do).
    public func setConditional(_ path: String, _ response: LoopbackResponse, etag: String?, lastModified: String? = nil) {
        var full = response
        if let etag { full.headers.append(("ETag", etag)) }
        if let lastModified { full.headers.append(("Last-Modified", lastModified)) }
        var notModified = LoopbackResponse.notModified
        notModified.headers = full.headers.filter { $0.0 == "ETag" || $0.0 == "Last-Modified" }
        set(path) { [full, notModified] request in
            if let etag, let sent = request.headers["if-none-match"],
               sent.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
                return notModified
            }
            if request.headers["if-none-match"] == nil, let lastModified, request.headers["if-modified-since"] == lastModified {
                return notModified
            }
            return full
        }
    }

    /// Stops answering `path` (it gets the fallback).
    public func remove(_ path: String) {
        routes.withLock { _ = $0.removeValue(forKey: path) }
    }

    /// The response to one request: the handler to give a LoopbackServer.
    public func respond(to request: LoopbackRequest) -> LoopbackResponse {
        let route = routes.withLock { $0[request.path] ?? $0[request.pathWithoutQuery] }
        return route?(request) ?? fallback
    }

    private final class LockedRoutes: @unchecked Sendable {
        private let lock = NSLock()
        private var routes: [String: Respond] = [:]

        func withLock<T>(_ body: (inout [String: Respond]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&routes)
        }
    }
}

extension LoopbackServer {
    /// A server that answers from `site`.
    public convenience init(site: LoopbackSite) throws {
        try self.init(handler: { site.respond(to: $0) })
    }
}
