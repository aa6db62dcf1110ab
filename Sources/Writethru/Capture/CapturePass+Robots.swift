import Foundation
import Fetch

/// robots.txt, read once a day per origin (RFC 9309), through the host's pacing.
extension CapturePass {

    /// Reads robots.txt of every origin among `states` not read yet in this pass: from the
    /// capture state when read within a day, else fetched (through the host's pacing).
    func readRobots(for states: [WatchedURLState]) throws(WritethruError) {
        var missing: [String] = []
        for origin in Set(states.map { Self.origin($0.url) }).sorted() where robots[origin] == nil {
            if let kept = try state.robots(origin, now: Date(), maximumAge: Self.robotsLifetime) {
                use(origin, status: kept.status, body: kept.body)
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
                use(origin, status: response.status, body: response.body)
                // A server error is asked about again next pass, not kept for a day.
                if response.status < 500, response.status != 429 {
                    try state.saveRobots(origin, status: response.status, body: response.body, fetched: Date())
                }
            case .failure(.tooLarge):
                robots[origin] = .allowAll
            case .failure(let error):
                // Unreachable: RFC 9309 2.3.1.4 says assume complete disallow; not kept, so the
                // next pass asks again.
                robots[origin] = .disallowAll
                robotsProblems[origin] = "robots.txt could not be read (\(error.description)); "
                    + "the host is left alone until it can"
            }
        })
    }

    /// Reads a robots.txt fetched with `status`; a 5xx or a 429 keeps the host's URLs, and says so.
    func use(_ origin: String, status: Int, body: [UInt8]) {
        robots[origin] = RobotsTxt.forStatus(status, body: body)
        if status >= 500 || status == 429 {
            robotsProblems[origin] = "robots.txt answered HTTP \(status); the host is left alone until it answers"
        } else {
            robotsProblems[origin] = nil
        }
    }

    struct RobotsJob: Sendable {
        let origin: String
        let request: FetchRequest
    }
}
