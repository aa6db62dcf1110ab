import Foundation
import Fetch

/// Failures and waits: backoff that doubles, Retry-After that holds the host.
extension CapturePass {
    /// Notes a fetch in `s` (its time, status and final URL) and returns its response; a
    /// request that failed (network, timeout, redirects) is handled as a failure and gives nil.
    func received(_ result: Result<FetchResponse, FetchError>,
                  into s: inout WatchedURLState) throws(WritethruError) -> FetchResponse? {
        s.lastFetch = Self.seconds(options.now)
        switch result {
        case .failure(let error):
            try failed(s, status: nil, detail: error.description)
            return nil
        case .success(let response):
            s.lastStatus = response.status
            s.finalURL = response.finalURL.absoluteString
            return response
        }
    }


    /// A failure: the wait doubles with each in a row (`capture.backoff` up to `backoffLimit`).
    func failed(_ current: WatchedURLState, status: Int?, detail: String) throws(WritethruError) {
        var s = current
        s.failures += 1
        s.lastError = detail
        s.nextDue = Self.seconds(options.now.addingTimeInterval(schedule.wait(afterFailures: s.failures)))
        try finish(s, .failed, status: status, detail: detail)
    }

    /// 429 or 503: the host's Retry-After if it gave one, else the failure's wait; the host is
    /// held until then, in this pass and the next ones.
    func deferred(_ current: WatchedURLState, _ response: FetchResponse) throws(WritethruError) {
        var s = current
        s.failures += 1
        let retryAfter = response.retryAfter(now: Date())
        let wait = min(max(retryAfter ?? schedule.wait(afterFailures: s.failures), settings.hostInterval),
                       schedule.backoffLimit)
        s.lastError = "HTTP \(response.status)" + (retryAfter.map { ", Retry-After \(Int($0.rounded())) s" } ?? "")
        s.nextDue = Self.seconds(options.now.addingTimeInterval(wait))
        try state.hold(WatchURL.hostKey(s.url), until: options.now.addingTimeInterval(wait))
        try finish(s, .deferred, status: response.status, detail: s.lastError)
    }

    /// A URL of a host that asked to wait: not fetched, due when the host's time is up.
    func heldBack(_ current: WatchedURLState, until: Date) throws(WritethruError) {
        var s = current
        let due = options.now.addingTimeInterval(max(0, until.timeIntervalSinceNow))
        s.nextDue = Self.seconds(due).advanced(by: 1)
        try finish(s, .deferred, detail: "the host asked to wait until \(Timestamp.format(due))", requested: false)
    }
}
