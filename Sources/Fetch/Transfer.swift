import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One fetch in progress, shared by the thread that waits for it and the session's delegate
/// queue that fills it: the body so far, the redirects followed, and why it failed, if it did.
final class Transfer: @unchecked Sendable {
    let request: FetchRequest
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var body: [UInt8] = []
    private var redirects: [URL] = []
    private var failure: FetchError?
    private var outcome: (response: URLResponse?, error: (any Error)?)?

    init(request: FetchRequest) {
        self.request = request
    }

    /// Appends body bytes; false (and the failure recorded) when the body grows past the limit.
    func append(_ data: Data) -> Bool {
        lock.withLock {
            guard body.count + data.count <= request.maximumBytes else {
                failure = failure ?? .tooLarge(request.maximumBytes)
                return false
            }
            body.append(contentsOf: data)
            return true
        }
    }

    /// Records a redirect to `url`; false (and the failure recorded) when it must not be followed:
    /// one too many, or to a scheme other than http and https.
    func redirect(to url: URL) -> Bool {
        lock.withLock {
            guard HTTPClient.isWebURL(url) else {
                failure = failure ?? .unsupportedScheme(url.absoluteString)
                return false
            }
            guard redirects.count < request.maximumRedirects else {
                failure = failure ?? .tooManyRedirects(request.maximumRedirects)
                return false
            }
            redirects.append(url)
            return true
        }
    }

    /// Records a failure found outside the delegate (the deadline passed).
    func fail(_ error: FetchError) {
        lock.withLock { failure = failure ?? error }
    }

    /// The session finished the task: wakes the waiting thread.
    func finish(response: URLResponse?, error: (any Error)?) {
        lock.withLock { outcome = (response, error) }
        finished.signal()
    }

    /// Waits until the task finishes or `deadline` passes; false when the deadline passed first.
    func wait(until deadline: DispatchTime) -> Bool {
        finished.wait(timeout: deadline) == .success
    }

    /// Everything recorded, read once the task finished or was given up.
    func snapshot() -> (body: [UInt8], redirects: [URL], failure: FetchError?, response: URLResponse?, error: (any Error)?) {
        lock.withLock { (body, redirects, failure, outcome?.response, outcome?.error) }
    }
}
