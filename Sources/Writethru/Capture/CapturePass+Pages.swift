import Foundation
import Fetch
internal import GitStore
import StoryText
import WritethruSupport

/// A page's response: recorded when its bytes are new, a 404 or 410 noted once in its story's
/// history, a 304 with no parse.
extension CapturePass {

    func readPage(_ job: Job, _ result: Result<FetchResponse, FetchError>?) throws(WritethruError) {
        var s = job.state
        let now = options.now
        guard let result else {
            s.lastError = job.blocked ?? "not an http or https URL"
            s.nextDue = scheduled(s)
            return try finish(s, .blocked, detail: s.lastError, requested: false)
        }
        guard let response = try received(result, into: &s) else { return }
        switch response.status {
        case 304:
            s.failures = 0
            s.lastError = nil
            try noteBack(&s, status: 304)
            s.nextDue = scheduled(s)
            try finish(s, .notModified, status: 304, bytes: response.body.count)
        case 200..<300:
            try noteBack(&s, status: response.status)
            let hash = Digest.sha256Hex(response.body)
            guard hash != s.bodySHA256 else {
                (s.failures, s.lastError) = (0, nil)
                (s.etag, s.lastModified) = (response.etag, response.lastModified)
                s.nextDue = scheduled(s)
                return try finish(s, .unchanged, status: response.status, detail: "the same bytes as last time",
                                  bytes: response.body.count)
            }
            s.bodySHA256 = hash
            try record(response, state: s)
        case 404, 410:
            s.failures = 0
            s.nextDue = scheduled(s)
            guard let (story, tip) = try story(of: s) else {
                s.lastError = "HTTP \(response.status)"
                return try finish(s, .failed, status: response.status,
                                  detail: "HTTP \(response.status), and nothing was recorded from it yet")
            }
            guard s.gone == nil else {
                return try finish(s, .gone, status: response.status, story: story, detail: "already noted")
            }
            try archive.note(CaptureEvent(kind: .gone, status: response.status, url: s.url, at: now), on: tip)
            s.gone = response.status
            s.lastError = nil
            try finish(s, .gone, status: response.status, story: story,
                       detail: "noted in \(story.value)'s history; what was recorded stays")
        case 429, 503:
            try deferred(s, response)
        default:
            try failed(s, status: response.status, detail: "HTTP \(response.status)")
        }
    }

    /// Records a page that came with new bytes.
    func record(_ response: FetchResponse, state current: WatchedURLState) throws(WritethruError) {
        var s = current
        let now = options.now
        let story = try s.story.map { id throws(WritethruError) in try StoryID(validating: id) }
        let capture = RevisionCapture(url: s.url, finalURL: response.finalURL.absoluteString, status: response.status,
                                      fetched: Timestamp.format(now), etag: response.etag,
                                      lastModified: response.lastModified, contentType: response.headers["content-type"],
                                      contentEncoding: response.contentEncoding)
        let item = RecordItem(input: InputFile(name: Self.inputName(response.finalURL), bytes: response.body),
                              story: story, capture: capture)
        let index: DerivedIndex
        if let opened = self.index {
            index = opened
        } else {
            index = try archive.derivedIndex()
            self.index = index
        }
        let outcome: RecordOutcome?
        do {
            outcome = try archive.recordCaptured(item, at: now, index: index)
        } catch {
            guard case .badInput(_, let reason) = error else { throw error }
            // No validators and no body hash: the next fetch reads the page again and says
            // again why it cannot be recorded, after the failure's wait.
            (s.etag, s.lastModified, s.bodySHA256) = (nil, nil, nil)
            return try failed(s, status: response.status, detail: "the page cannot be read: " + reason)
        }
        (s.etag, s.lastModified) = (response.etag, response.lastModified)
        (s.failures, s.lastError) = (0, nil)
        guard let outcome else { return try finish(s, .failed, status: response.status, detail: "nothing was read") }
        s.story = outcome.story.value
        if outcome.status == .recorded {
            s.lastChange = Self.seconds(now)
            report.recorded.append(outcome)
        }
        s.nextDue = scheduled(s)
        try finish(s, outcome.status == .recorded ? .recorded : .unchanged, status: response.status,
                   story: outcome.story, version: outcome.version,
                   detail: outcome.status == .recorded ? nil : "the same text as version \(outcome.version)",
                   bytes: response.body.count)
    }

    /// A page noted gone that answers again (200 or 304) gets a `back` note.
    func noteBack(_ s: inout WatchedURLState, status: Int) throws(WritethruError) {
        guard s.gone != nil else { return }
        if let (_, tip) = try story(of: s) {
            try archive.note(CaptureEvent(kind: .back, status: status, url: s.url, at: options.now), on: tip)
        }
        s.gone = nil
    }

    /// The story a URL's versions are in and that story's latest version, once one is recorded.
    func story(of s: WatchedURLState) throws(WritethruError) -> (StoryID, ObjectID)? {
        guard let name = s.story, let story = try? StoryID(validating: name),
              let tip = try archive.tip(of: story) else { return nil }
        return (story, tip)
    }
}
