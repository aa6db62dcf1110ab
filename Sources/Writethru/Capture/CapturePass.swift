import Foundation
import Fetch
internal import GitStore
import StoryText
import WritethruSupport

/// One run of `capture` over the watch list (`Archive.capture`): feeds first, then pages, each
/// URL's new state written as soon as it is handled. Used from one thread; only the requests
/// run on others (`concurrentFetches`).
final class CapturePass {
    /// How long a robots.txt read is trusted (RFC 9309 2.4 asks for at most 24 hours).
    static let robotsLifetime: Double = 86_400

    private let archive: Archive
    private let options: CaptureOptions
    private let client: HTTPClient
    private let progress: (CaptureFetch) -> Void
    private let settings: CaptureSettings
    private let schedule: CaptureSchedule
    private let state: CaptureState
    private let pacer: HostPacer
    private let holds = HostHolds()
    private let userAgent: String
    private var report: CaptureReport
    private var index: DerivedIndex?
    private var watched: [String: WatchEntry] = [:]
    private var robots: [String: RobotsTxt] = [:]
    private var found: [WatchEntry] = []

    init(archive: Archive, options: CaptureOptions, client: HTTPClient,
         progress: @escaping (CaptureFetch) -> Void) throws(WritethruError) {
        self.archive = archive
        self.options = options
        self.client = client
        self.progress = progress
        settings = archive.config.capture
        schedule = archive.config.captureSchedule
        state = try CaptureState(archivePath: archive.path)
        pacer = HostPacer(minimumInterval: settings.hostInterval, perHost: settings.perHost)
        userAgent = settings.userAgent(product: options.product)
        report = CaptureReport(started: options.now)
    }

    /// Lets go of the URLs still claimed and brings the derived index up to date.
    func close() {
        state.releaseClaims()
        if let index {
            archive.flushAfterRecording(index)
            archive.journal.close()
        }
    }

    func run() throws(WritethruError) -> CaptureReport {
        let now = options.now
        let started = Date()
        var list = try archive.watchList()
        try state.follow(list, now: now)
        watched = Dictionary(list.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        // Holds are kept in the pass's time (the clock, or WRITETHRU_NOW) and applied on the clock.
        for (host, until) in try state.heldHosts(after: now) {
            holds.hold(host, until: started.addingTimeInterval(until.timeIntervalSince(now)))
        }

        let feeds = try state.claim(.feed, dueAt: now, all: options.all)
        try fetch(feeds, accept: Self.feedAccept, handle: readFeed)
        if !found.isEmpty {
            let adding = found
            let feedsNamed = Set(adding.compactMap(\.feed)).count
            list = try archive.changeWatchList(
                "watch: \(adding.count) page\(adding.count == 1 ? "" : "s") from \(feedsNamed) feed\(feedsNamed == 1 ? "" : "s")",
                at: now) { current in
                let known = Set(current.map(\.url))
                return current + adding.filter { !known.contains($0.url) }
            }
            try state.follow(list, now: now)
            watched = Dictionary(list.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let pages = try state.claim(.page, dueAt: now, all: options.all)
        try fetch(pages, accept: Self.pageAccept, handle: readPage)
        report.nextDue = try state.nextDue()
        report.finished = now.addingTimeInterval(Date().timeIntervalSince(started))
        return report
    }

    static let pageAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    static let feedAccept = "application/atom+xml,application/rss+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"

    /// One URL to fetch, with what robots.txt says of it.
    struct Job: Sendable {
        let state: WatchedURLState
        let request: FetchRequest?
        let host: String
        let blocked: Bool
    }

    struct Fetched: Sendable {
        let job: Job
        let result: Result<FetchResponse, FetchError>?
        /// The host was held (Retry-After) until then, on the clock: not fetched.
        var heldUntil: Date?
    }

    private func fetch(_ states: [WatchedURLState], accept: String,
                       handle: (Job, Result<FetchResponse, FetchError>?) throws(WritethruError) -> Void)
        throws(WritethruError) {
        guard !states.isEmpty else { return }
        if settings.robots { try readRobots(for: states) }
        let jobs = states.map { state -> Job in
            let host = WatchURL.hostKey(state.url)
            guard let url = URL(string: state.url) else {
                return Job(state: state, request: nil, host: host, blocked: false)
            }
            let blocked = settings.robots && !(robots[Self.origin(state.url)]?.allows(Self.pathAndQuery(url),
                                                                                     userAgent: options.product) ?? true)
            let request = FetchRequest(url: url, userAgent: userAgent, ifNoneMatch: state.etag,
                                       ifModifiedSince: state.lastModified, timeout: settings.timeoutSeconds,
                                       maximumRedirects: settings.maximumRedirects, accept: accept)
            return Job(state: state, request: request, host: host, blocked: blocked)
        }
        let (client, pacer, holds) = (self.client, self.pacer, self.holds)
        let (backoff, limit) = (schedule.backoff, schedule.backoffLimit)
        try concurrentFetches(jobs, workers: settings.connections, perform: { job in
            guard !job.blocked, let request = job.request, !Interruption.isRequested else {
                return Fetched(job: job, result: nil)
            }
            if let until = holds.heldUntil(job.host, now: Date()) {
                return Fetched(job: job, result: nil, heldUntil: until)
            }
            pacer.acquire(host: job.host)
            // A stop asked for while this one waited its turn: it stays due.
            guard !Interruption.isRequested else {
                pacer.release(host: job.host)
                return Fetched(job: job, result: nil)
            }
            let result = client.fetch(request)
            pacer.release(host: job.host)
            if case .success(let response) = result, response.status == 429 || response.status == 503 {
                let wait = min(response.retryAfter(now: Date()) ?? backoff, limit)
                holds.hold(job.host, until: Date().addingTimeInterval(wait))
            }
            return Fetched(job: job, result: result)
        }, handle: { (fetched: Fetched) throws(WritethruError) in
            if let until = fetched.heldUntil {
                return try heldBack(fetched.job.state, until: until)
            }
            if fetched.result == nil, !fetched.job.blocked, fetched.job.request != nil {
                // Stopped (Ctrl-C, SIGTERM) before this one was fetched: it stays due.
                return
            }
            if fetched.result != nil { report.requests += 1 }
            try handle(fetched.job, fetched.result)
        })
        if Interruption.isRequested { throw .interrupted("capture stopped between fetches") }
    }

    // MARK: Pages

    private func readPage(_ job: Job, _ result: Result<FetchResponse, FetchError>?) throws(WritethruError) {
        var s = job.state
        let now = options.now
        guard let result else {
            s.lastError = job.blocked ? "robots.txt disallows it" : "not an http or https URL"
            s.nextDue = scheduled(s)
            return try finish(s, .blocked, detail: s.lastError, requested: false)
        }
        s.lastFetch = Self.seconds(now)
        let response: FetchResponse
        switch result {
        case .failure(let error): return try failed(s, status: nil, detail: error.description)
        case .success(let received): response = received
        }
        s.lastStatus = response.status
        s.finalURL = response.finalURL.absoluteString
        switch response.status {
        case 304:
            s.failures = 0
            s.lastError = nil
            s.nextDue = scheduled(s)
            try finish(s, .notModified, status: 304, bytes: response.body.count)
        case 200..<300:
            s.failures = 0
            s.lastError = nil
            if s.gone != nil, let (_, tip) = try story(of: s) {
                try archive.note(CaptureEvent(kind: .back, status: response.status, url: s.url, at: now), on: tip)
                s.gone = nil
            }
            let hash = Digest.sha256Hex(response.body)
            guard hash != s.bodySHA256 else {
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
    private func record(_ response: FetchResponse, state current: WatchedURLState) throws(WritethruError) {
        var s = current
        let now = options.now
        let story = try (s.story ?? watched[s.url]?.story).map { id throws(WritethruError) in try StoryID(validating: id) }
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
            (s.etag, s.lastModified) = (response.etag, response.lastModified)
            s.lastError = "the page cannot be read: " + reason
            s.nextDue = scheduled(s)
            return try finish(s, .failed, status: response.status, detail: s.lastError, bytes: response.body.count)
        }
        (s.etag, s.lastModified) = (response.etag, response.lastModified)
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

    /// The story a URL's versions are in and that story's latest version, once one is recorded.
    private func story(of s: WatchedURLState) throws(WritethruError) -> (StoryID, ObjectID)? {
        guard let name = s.story ?? watched[s.url]?.story, let story = try? StoryID(validating: name),
              let tip = try archive.tip(of: story) else { return nil }
        return (story, tip)
    }

    // MARK: Feeds

    private func readFeed(_ job: Job, _ result: Result<FetchResponse, FetchError>?) throws(WritethruError) {
        var s = job.state
        let now = options.now
        let nextRead = Self.seconds(now.addingTimeInterval(schedule.feedEvery))
        guard let result else {
            s.lastError = "robots.txt disallows it"
            s.nextDue = nextRead
            return try finish(s, .blocked, detail: s.lastError, requested: false)
        }
        s.lastFetch = Self.seconds(now)
        let response: FetchResponse
        switch result {
        case .failure(let error): return try failed(s, status: nil, detail: error.description)
        case .success(let received): response = received
        }
        s.lastStatus = response.status
        s.finalURL = response.finalURL.absoluteString
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
                guard case .success(let url) = WatchURL.normalized(item.link), watched[url] == nil,
                      !found.contains(where: { $0.url == url }) else { continue }
                found.append(WatchEntry(url: url, kind: .page, feed: s.url, added: Timestamp.format(now)))
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

    // MARK: Failures

    /// A failure: the wait doubles with each in a row (`capture.backoff` up to `backoffLimit`).
    private func failed(_ current: WatchedURLState, status: Int?, detail: String) throws(WritethruError) {
        var s = current
        s.failures += 1
        s.lastError = detail
        s.nextDue = Self.seconds(options.now.addingTimeInterval(schedule.wait(afterFailures: s.failures)))
        try finish(s, .failed, status: status, detail: detail)
    }

    /// 429 or 503: the host's Retry-After if it gave one, else the failure's wait; the host is
    /// held until then, in this pass and the next ones.
    private func deferred(_ current: WatchedURLState, _ response: FetchResponse) throws(WritethruError) {
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
    private func heldBack(_ current: WatchedURLState, until: Date) throws(WritethruError) {
        var s = current
        let due = options.now.addingTimeInterval(max(0, until.timeIntervalSinceNow))
        s.nextDue = Self.seconds(due).advanced(by: 1)
        try finish(s, .deferred, detail: "the host asked to wait until \(Timestamp.format(due))", requested: false)
    }

    // MARK: Robots

    /// Reads robots.txt of every origin among `states` not read yet in this pass: from the
    /// capture state when read within a day, else fetched (through the host's pacing).
    private func readRobots(for states: [WatchedURLState]) throws(WritethruError) {
        var missing: [String] = []
        for origin in Set(states.map { Self.origin($0.url) }).sorted() where robots[origin] == nil {
            if let kept = try state.robots(origin, now: Date(), maximumAge: Self.robotsLifetime) {
                robots[origin] = RobotsTxt.forStatus(kept.status, body: kept.body)
            } else {
                missing.append(origin)
            }
        }
        let jobs = missing.compactMap { origin -> (String, FetchRequest)? in
            guard let url = URL(string: origin + "/robots.txt") else { return nil }
            return (origin, FetchRequest(url: url, userAgent: userAgent, timeout: settings.timeoutSeconds,
                                         maximumRedirects: settings.maximumRedirects, maximumBytes: 512 << 10,
                                         accept: "text/plain"))
        }
        let (client, pacer) = (self.client, self.pacer)
        try concurrentFetches(jobs.map { RobotsJob(origin: $0.0, request: $0.1) }, workers: settings.connections,
                              perform: { job in
            let host = WatchURL.hostKey(job.origin)
            pacer.acquire(host: host)
            defer { pacer.release(host: host) }
            return (job.origin, client.fetch(job.request))
        }, handle: { (origin: String, result: Result<FetchResponse, FetchError>) throws(WritethruError) in
            report.requests += 1
            switch result {
            case .success(let response):
                // Too large a file is cut by the client; what arrived is read (RFC 9309 2.5).
                robots[origin] = RobotsTxt.forStatus(response.status, body: response.body)
                try state.saveRobots(origin, status: response.status, body: response.body, fetched: Date())
            case .failure(.tooLarge):
                robots[origin] = .allowAll
            case .failure:
                // Unreachable: RFC 9309 2.3.1.4 says assume complete disallow; not kept, so the
                // next pass asks again.
                robots[origin] = .disallowAll
            }
        })
    }

    struct RobotsJob: Sendable {
        let origin: String
        let request: FetchRequest
    }

    // MARK: Helpers

    private func finish(_ s: WatchedURLState, _ outcome: CaptureFetch.Outcome, status: Int? = nil,
                        story: StoryID? = nil, version: Int? = nil, detail: String? = nil, newURLs: Int = 0,
                        requested: Bool = true, bytes: Int = 0) throws(WritethruError) {
        try state.finish(s)
        let fetch = CaptureFetch(url: s.url, kind: s.kind, outcome: outcome, status: status,
                                 story: story ?? s.story.flatMap { try? StoryID(validating: $0) }, version: version,
                                 detail: detail, newURLs: newURLs,
                                 nextDue: s.nextDue.map { Date(timeIntervalSince1970: Double($0)) },
                                 requested: requested, bytes: bytes)
        report.fetches.append(fetch)
        progress(fetch)
    }

    private func scheduled(_ s: WatchedURLState) -> Int64? {
        schedule.nextDue(fetched: options.now, lastChange: Date(timeIntervalSince1970: Double(s.lastChange)))
            .map(Self.seconds)
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// `scheme://host[:port]`, what a robots.txt covers.
    static func origin(_ url: String) -> String {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, let host = parts.host else { return url }
        return "\(scheme)://\(host)" + (parts.port.map { ":\($0)" } ?? "")
    }

    static func pathAndQuery(_ url: URL) -> String {
        guard let parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "/" }
        let path = parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath
        return path + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The input's name: its URL, whose last path part names the file kept under source/.
    static func inputName(_ url: URL) -> String {
        let last = url.path.split(separator: "/").last.map(String.init) ?? ""
        return last.isEmpty || last == "/" ? "index.html" : last
    }
}
