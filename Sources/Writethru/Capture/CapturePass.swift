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
    /// The longest Crawl-delay honoured, in seconds.
    static let longestCrawlDelay: Double = 60

    let archive: Archive
    let options: CaptureOptions
    let client: HTTPClient
    let progress: (CaptureFetch) -> Void
    let settings: CaptureSettings
    let schedule: CaptureSchedule
    let state: CaptureState
    let pacer: HostPacer
    let holds = HostHolds()
    let userAgent: String
    var report: CaptureReport
    var index: DerivedIndex?
    /// Pages found in feeds this pass, not yet in the watch list, and their URLs.
    var foundURLs: Set<String> = []
    var robots: [String: RobotsTxt] = [:]
    /// Why an origin's robots.txt could not be read, for the origins it keeps from every URL.
    var robotsProblems: [String: String] = [:]
    var found: [WatchEntry] = []

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
        // The rows follow the watch list; it is read only when its commit moved since.
        let tip = try archive.watchListTip()
        if try tip != state.followedTip() {
            try state.follow(try archive.watchList(), tip: tip, now: now)
        }
        report.watched = try state.count()
        guard report.watched > 0 else { return report }
        // Holds are kept in the pass's time (the clock, or WRITETHRU_NOW) and applied on the clock.
        for (host, until) in try state.heldHosts(after: now) {
            holds.hold(host, until: started.addingTimeInterval(until.timeIntervalSince(now)))
        }
        try batches(.feed, accept: Self.feedAccept, handle: readFeed)
        if !found.isEmpty {
            let adding = found
            let feedsNamed = Set(adding.compactMap(\.feed)).count
            let list = try archive.changeWatchList(
                "watch: \(adding.count) page\(adding.count == 1 ? "" : "s") from \(feedsNamed) feed\(feedsNamed == 1 ? "" : "s")",
                at: now) { current in
                let known = Set(current.map(\.url))
                return current + adding.filter { !known.contains($0.url) }
            }
            try state.follow(list, tip: try archive.watchListTip(), now: now)
            found = []
            foundURLs = []
        }
        try batches(.page, accept: Self.pageAccept, handle: readPage)
        report.nextDue = try state.nextDue()
        report.finished = now.addingTimeInterval(Date().timeIntervalSince(started))
        return report
    }

    /// Claims the due URLs of `kind` a batch at a time and fetches each batch.
    private func batches(_ kind: WatchEntry.Kind, accept: String,
                         handle: (Job, Result<FetchResponse, FetchError>?) throws(WritethruError) -> Void)
        throws(WritethruError) {
        var cursor = ""
        while true {
            let batch = try state.claim(kind, dueAt: options.now, all: options.all, after: cursor,
                                        limit: Self.batchSize)
            try fetch(batch.states, accept: accept, handle: handle)
            guard let last = batch.cursor else { return }
            cursor = last
        }
    }

    /// URLs claimed and fetched at a time: enough to keep every connection busy, few enough
    /// that a pass's memory does not grow with the watch list.
    static let batchSize = 256

    static let pageAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    static let feedAccept = "application/atom+xml,application/rss+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"

    /// One URL to fetch, and why it is not fetched when robots.txt keeps it from it.
    struct Job: Sendable {
        let state: WatchedURLState
        let request: FetchRequest?
        let host: String
        let blocked: String?
    }

    struct Fetched: Sendable {
        let job: Job
        let result: Result<FetchResponse, FetchError>?
        /// The host was held (Retry-After) until then, on the clock: not fetched.
        var heldUntil: Date?
    }

    func fetch(_ states: [WatchedURLState], accept: String,
                       handle: (Job, Result<FetchResponse, FetchError>?) throws(WritethruError) -> Void)
        throws(WritethruError) {
        guard !states.isEmpty else { return }
        if settings.robots {
            try readRobots(for: states)
            // A Crawl-delay longer than capture.hostInterval spaces that host's requests (at most
            // a minute apart, so one host cannot hold a pass for hours).
            for origin in Set(states.map { Self.origin($0.url) }) {
                if let delay = robots[origin]?.crawlDelay(userAgent: options.product), delay > settings.hostInterval {
                    pacer.space(host: WatchURL.hostKey(origin), by: min(delay, Self.longestCrawlDelay))
                }
            }
        }
        let jobs = states.map { state -> Job in
            let host = WatchURL.hostKey(state.url)
            guard let url = URL(string: state.url) else {
                return Job(state: state, request: nil, host: host, blocked: nil)
            }
            let origin = Self.origin(state.url)
            var blocked: String?
            if settings.robots, robots[origin]?.allows(Self.pathAndQuery(url), userAgent: options.product) == false {
                blocked = robotsProblems[origin] ?? "robots.txt disallows it"
            }
            let request = FetchRequest(url: url, userAgent: userAgent, ifNoneMatch: state.etag,
                                       ifModifiedSince: state.lastModified, timeout: settings.timeoutSeconds,
                                       maximumRedirects: settings.maximumRedirects, accept: accept)
            return Job(state: state, request: request, host: host, blocked: blocked)
        }
        let (client, pacer, holds) = (self.client, self.pacer, self.holds)
        let (backoff, limit) = (schedule.backoff, schedule.backoffLimit)
        try concurrentFetches(jobs, workers: settings.connections, perform: { job in
            guard job.blocked == nil, let request = job.request, !Interruption.isRequested else {
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
            if fetched.result == nil, fetched.job.blocked == nil, fetched.job.request != nil {
                // Stopped (Ctrl-C, SIGTERM) before this one was fetched: it stays due.
                return
            }
            if fetched.result != nil { report.requests += 1 }
            try handle(fetched.job, fetched.result)
        })
        if Interruption.isRequested { throw .interrupted("capture stopped between fetches") }
    }

    // MARK: Helpers

    func finish(_ s: WatchedURLState, _ outcome: CaptureFetch.Outcome, status: Int? = nil,
                        story: StoryID? = nil, version: Int? = nil, detail: String? = nil, newURLs: Int = 0,
                        requested: Bool = true, bytes: Int = 0) throws(WritethruError) {
        try state.finish(s)
        let fetch = CaptureFetch(url: s.url, kind: s.kind, outcome: outcome, status: status,
                                 story: story ?? s.story.flatMap { try? StoryID(validating: $0) }, version: version,
                                 detail: detail, newURLs: newURLs,
                                 nextDue: s.nextDue.map { Date(timeIntervalSince1970: Double($0)) },
                                 requested: requested, bytes: bytes)
        if options.keepsFetches { report.fetches.append(fetch) }
        report.counts[outcome, default: 0] += 1
        progress(fetch)
    }

    func scheduled(_ s: WatchedURLState) -> Int64? {
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
