import Foundation
import Fetch
import StoryText
import WritethruSupport

/// A feed's response: its new item links become watched pages, fetched in the same pass.
extension CapturePass {

    func readFeed(_ job: Job, _ result: Result<FetchResponse, FetchError>?) throws(WritethruError) {
        var s = job.state
        let now = options.now
        let nextRead = Self.seconds(now.addingTimeInterval(schedule.feedEvery))
        guard let result else {
            s.lastError = "robots.txt disallows it"
            s.nextDue = nextRead
            return try finish(s, .blocked, detail: s.lastError, requested: false)
        }
        guard let response = try received(result, into: &s) else { return }
        switch response.status {
        case 304:
            s.failures = 0
            s.nextDue = nextRead
            try finish(s, .notModified, status: 304)
        case 200..<300:
            let feed: Feed
            do {
                feed = try FeedReader.read(response.body, url: response.finalURL.absoluteString)
            } catch {
                return try failed(s, status: response.status, detail: "not a feed: \(error.reason)")
            }
            (s.etag, s.lastModified) = (response.etag, response.lastModified)
            s.failures = 0
            s.lastError = nil
            s.bodySHA256 = Digest.sha256Hex(response.body)
            s.lastChange = Self.seconds(now)
            s.nextDue = nextRead
            var added = 0
            for item in feed.items {
                guard case .success(let url) = WatchURL.normalized(item.link), !foundURLs.contains(url),
                      try !state.contains(url) else { continue }
                found.append(WatchEntry(url: url, kind: .page, feed: s.url, added: Timestamp.format(now)))
                foundURLs.insert(url)
                added += 1
            }
            try finish(s, .feedRead, status: response.status,
                       detail: "\(feed.items.count) item\(feed.items.count == 1 ? "" : "s")", newURLs: added,
                       bytes: response.body.count)
        case 429, 503:
            try deferred(s, response)
        default:
            try failed(s, status: response.status, detail: "HTTP \(response.status)")
        }
    }
}
