import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession delegate of an HTTPClient: routes each task's events to its Transfer (by task
/// identifier), follows only the redirects the Transfer allows, stops a body past its limit.
/// Its methods run on the session's serial delegate queue.
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    func register(_ transfer: Transfer, for task: URLSessionTask) {
        lock.withLock { transfers[task.taskIdentifier] = transfer }
    }

    func unregister(_ task: URLSessionTask) {
        _ = lock.withLock { transfers.removeValue(forKey: task.taskIdentifier) }
    }

    private func transfer(_ task: URLSessionTask) -> Transfer? {
        lock.withLock { transfers[task.taskIdentifier] }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        guard let transfer = transfer(task), let url = Self.target(of: response) ?? request.url, transfer.redirect(to: url) else {
            completionHandler(nil)
            task.cancel()
            return
        }
        var next = request
        next.url = url
        completionHandler(next)
    }

    /// The Location of a redirect resolved against the URL that sent it (RFC 3986 5.2). Our own,
    /// because corelibs Foundation reads a Location without a host as a path on the same host:
    /// "file:///etc/passwd" became http://host/etc/passwd, and "next.html" from /news/a.html
    /// became /next.html instead of /news/next.html.
    static func target(of response: HTTPURLResponse) -> URL? {
        let location = response.allHeaderFields.first { ($0.key as? String)?.lowercased() == "location" }?.value as? String
        guard let location, let base = response.url else { return nil }
        return URL(string: location.trimmingCharacters(in: .whitespaces), relativeTo: base)?.absoluteURL
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let transfer = transfer(dataTask) else { return }
        if !transfer.append(data) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        transfer(task)?.finish(response: task.response, error: error)
    }
}
