import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The site `make bench-capture` captures (scripts/bench-capture.sh): N article pages on a
/// LoopbackServer at 127.0.0.1, each with an ETag and a Last-Modified, answered 304 when a
/// request's If-None-Match holds the page's ETag (or `*`) or, without one, its
/// If-Modified-Since is the page's Last-Modified.
///
///   GET /page/<i>       the article i (0 ..< N), 5-10 KB of HTML
///   GET /_bench/change  every even page changes: a figure in its headline and lead, and one
///                       more paragraph; new ETag and Last-Modified (JSON: pages changed)
///   GET /_bench/stats   requests so far by kind, the /_bench/ ones not counted (JSON)
///   anything else       404 (robots.txt among them: everything is allowed)
final class CaptureSite: @unchecked Sendable {
    /// One page as served now.
    struct Page {
        var version: Int
        var body: [UInt8]
        var etag: String
        var lastModified: String
    }

    /// Requests answered, by kind.
    struct Stats {
        var ok = 0
        var notModified = 0
        var other = 0
        var bodyBytes = 0
        var changes = 0
    }

    private let lock = NSLock()
    private var pages: [Page]
    private var stats = Stats()
    private let paragraphs: [String]

    init(pages count: Int, paragraphs pool: [String]) {
        // A pool too small to tell pages apart still gives pages: each also has its own lead.
        paragraphs = pool.isEmpty ? ["The agency said more details would be released later in the day."] : pool
        pages = []
        pages = (0..<count).map { makePage($0, version: 0) }
    }

    /// The handler given to the LoopbackServer. O(page size) for a 200, O(1) otherwise;
    /// O(N x page size) for /_bench/change.
    func respond(to request: LoopbackRequest) -> LoopbackResponse {
        let path = request.pathWithoutQuery
        if path == "/_bench/stats" { return statsResponse() }
        if path == "/_bench/change" { return changeResponse() }
        let prefix = "/page/"
        guard path.hasPrefix(prefix), let index = Int(path.dropFirst(prefix.count)),
              let page = lock.withLock({ pages.indices.contains(index) ? pages[index] : nil }) else {
            lock.withLock { stats.other += 1 }
            return .status(404)
        }
        let validators = [("ETag", page.etag), ("Last-Modified", page.lastModified)]
        if Self.matches(request, page) {
            lock.withLock { stats.notModified += 1 }
            return LoopbackResponse(status: 304, headers: validators)
        }
        lock.withLock {
            stats.ok += 1
            stats.bodyBytes += page.body.count
        }
        return .content(page.body, type: "text/html; charset=utf-8",
                        headers: validators + [("Cache-Control", "max-age=60")])
    }

    /// RFC 9110 13.1.2 and 13.1.3: If-None-Match wins when present (a list of ETags, or `*`);
    /// else If-Modified-Since, compared as a string as many servers do.
    static func matches(_ request: LoopbackRequest, _ page: Page) -> Bool {
        if let sent = request.headers["if-none-match"] {
            return sent.split(separator: ",").contains { tag in
                let trimmed = tag.trimmingCharacters(in: .whitespaces)
                return trimmed == "*" || trimmed == page.etag || trimmed == "W/" + page.etag
            }
        }
        return request.headers["if-modified-since"] == page.lastModified
    }

    private func statsResponse() -> LoopbackResponse {
        let now = lock.withLock { stats }
        let json = "{\"ok\": \(now.ok), \"notModified\": \(now.notModified), \"other\": \(now.other), "
            + "\"requests\": \(now.ok + now.notModified + now.other), \"bodyBytes\": \(now.bodyBytes), "
            + "\"changes\": \(now.changes), \"pages\": \(lock.withLock { pages.count })}\n"
        return .content(Array(json.utf8), type: "application/json")
    }

    private func changeResponse() -> LoopbackResponse {
        let current = lock.withLock { pages }
        var changed: [(Int, Page)] = []
        for index in stride(from: 0, to: current.count, by: 2) {
            changed.append((index, makePage(index, version: current[index].version + 1)))
        }
        let changes = lock.withLock {
            for (index, page) in changed { pages[index] = page }
            stats.changes += 1
            return stats.changes
        }
        let json = "{\"changed\": \(changed.count), \"changes\": \(changes)}\n"
        return .content(Array(json.utf8), type: "application/json")
    }

    // MARK: The pages

    private static let places = ["Harbourton", "Millbridge", "Eastvale", "Port Selwyn", "Kestrel Bay", "Ardmore",
                                 "Lindqvist", "Upper Ros", "Calder Falls", "Santa Irene", "Novo Brdo", "Tamsin"]
    private static let subjects = ["flood defences", "rail strike", "hospital budget", "port expansion", "school closures",
                                   "wildfire recovery", "water rates", "bridge repairs", "housing plan", "bus routes",
                                   "power outage", "harvest losses", "transit fares"]
    private static let nouns = ["residents", "workers", "households", "families", "commuters", "patients", "farmers"]
    private static let sections = ["World", "Politics", "Business", "Markets", "Climate", "Health", "Science", "Sport",
                                   "Culture", "Opinion", "Local", "Weather", "Video", "Podcasts", "Newsletters"]

    /// Page `index` at `version`: the same furniture on every page, a headline and lead with a
    /// figure that grows with the version, 6-10 corpus paragraphs chosen by the index, and one
    /// more paragraph per version. Deterministic. O(page size).
    private func makePage(_ index: Int, version: Int) -> Page {
        var random = SplitMix(seed: UInt64(index) &* 0x9E37_79B9 &+ 17)
        let place = Self.places[index % Self.places.count]
        let subject = Self.subjects[(index / Self.places.count) % Self.subjects.count]
        let noun = Self.nouns[index % Self.nouns.count]
        let figure = 120 + index * 3 + version * 45
        let headline = "\(place) \(subject): \(figure) \(noun) affected, officials say"
        var body = ["\(place.uppercased()) (Wire) — At least \(figure) \(noun) were affected by the \(subject) "
                    + "on Tuesday, officials said, as the regional council met in an emergency session."]
        let count = 6 + random.next(below: 5)
        for _ in 0..<count { body.append(paragraphs[random.next(below: paragraphs.count)]) }
        var updates = SplitMix(seed: UInt64(index) &* 0xBF58_476D &+ 99)
        for step in 0..<version {
            body.insert("Update \(step + 1): the count was revised to \(120 + index * 3 + (step + 1) * 45) \(noun); "
                        + paragraphs[updates.next(below: paragraphs.count)], at: 2)
        }
        let slug = "\(place)-\(subject)-\(index)".lowercased().replacingOccurrences(of: " ", with: "-")
        let modified = Date(timeIntervalSince1970: 1_773_144_000 + Double(index) + Double(version) * 900)
        let html = Self.render(headline: headline, slug: slug, paragraphs: body, index: index, modified: modified)
        return Page(version: version, body: Array(html.utf8), etag: "\"p\(index)-v\(version)\"",
                    lastModified: Self.httpDate(modified))
    }

    private static func render(headline: String, slug: String, paragraphs: [String], index: Int, modified: Date) -> String {
        let title = escape(headline)
        let stamp = ISO8601DateFormatter().string(from: modified)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) | The Courier</title>
            <meta property="og:type" content="article">
            <meta property="og:title" content="\(title)">
            <meta property="og:site_name" content="The Courier">
            <meta property="og:url" content="https://courier.example/\(slug)">
            <meta property="article:published_time" content="2026-03-10T12:00:00Z">
            <meta property="article:modified_time" content="\(stamp)">
            <meta name="author" content="Courier staff">
            <link rel="stylesheet" href="/static/site.css">
            <link rel="canonical" href="https://courier.example/\(slug)">
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "\(jsonEscape(headline))", "datePublished": "2026-03-10T12:00:00Z", "dateModified": "\(stamp)",
            "author": [{"@type": "Organization", "name": "Courier staff"}],
            "publisher": {"@type": "Organization", "name": "The Courier", "logo": {"@type": "ImageObject", "url": "https://courier.example/static/logo.png"}},
            "mainEntityOfPage": "https://courier.example/\(slug)"}</script>
            <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"section": "local", "id": \(index)});</script>
            </head>
            <body>
            <div id="cookie-banner"><p>We use cookies to improve your experience. <a href="/privacy">Learn more</a></p></div>
            <header class="masthead"><a href="/" class="logo">The Courier</a>
            <nav class="sections"><ul>

            """
        for section in sections {
            html += "<li><a href=\"/\(section.lowercased())\">\(section)</a></li>\n"
        }
        html += """
            </ul></nav>
            <form class="search" action="/search"><input name="q" placeholder="Search"></form>
            </header>
            <main>
            <article class="story">
            <header><h1>\(title)</h1><p class="byline">By Courier staff</p>
            <time datetime="\(stamp)">\(stamp)</time></header>

            """
        for paragraph in paragraphs { html += "<p>\(escape(paragraph))</p>\n" }
        html += """
            <ul class="share-tools"><li>Share</li><li>Email</li><li>Print</li></ul>
            </article>
            <aside class="related"><h2>More from the Courier</h2><ul>

            """
        for offset in 1...6 {
            let other = index + offset * 7
            html += "<li><a href=\"/page/\(other)\">\(places[other % places.count]) "
                + "\(subjects[(other / places.count) % subjects.count]): latest</a></li>\n"
        }
        html += """
            </ul></aside>
            <aside class="most-read"><h2>Most read</h2><ol>

            """
        for rank in 1...10 {
            let other = (index * 31 + rank * 101) % 9_973
            html += "<li><a href=\"/page/\(other)\"><span class=\"rank\">\(rank)</span> "
                + "\(places[other % places.count]) \(subjects[other % subjects.count]) "
                + "leaves \(nouns[other % nouns.count]) waiting for answers</a></li>\n"
        }
        html += """
            </ol></aside>
            <div class="newsletter"><h2>The Morning Courier</h2><p>The day's essential stories, in your inbox before
            breakfast.</p><form action="/newsletters/subscribe"><input type="email" name="email" placeholder="Your email">
            <button>Sign up</button></form></div>
            </main>
            <footer><ul class="footer-links"><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
            <li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li>
            <li><a href="/corrections">Corrections</a></li><li><a href="/careers">Careers</a></li>
            <li><a href="/advertise">Advertise with us</a></li></ul>
            <p>Copyright 2026 The Courier. All rights reserved.</p></footer>
            </body>
            </html>

            """
        return html
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func jsonEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// IMF-fixdate (RFC 9110 5.6.7).
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

/// SplitMix64: a small deterministic generator for choosing paragraphs.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(bound, 1)))
    }
}

/// `writethru-bench serve-capture --pages N`: serves CaptureSite on 127.0.0.1, prints
/// `port <P>` and serves until its standard input closes (or it is killed).
func benchServeCapture(_ arguments: Arguments, root: URL) {
    let count = arguments.value("pages", 1_000)
    guard count > 0 else {
        print("serve-capture: --pages must be at least 1")
        exit(64)
    }
    let site = CaptureSite(pages: count, paragraphs: corpusParagraphs(root: root))
    let server: LoopbackServer
    do {
        server = try LoopbackServer(handler: { site.respond(to: $0) })
    } catch {
        print("serve-capture: \(error)")
        exit(70)
    }
    print("port \(server.port)")
    fflush(nil)  // every stream: the script waits for this line
    var buffer = [UInt8](repeating: 0, count: 512)
    while true {
        let read = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
        if read < 0 && errno == EINTR { continue }
        if read <= 0 { break }
    }
    server.stop()
}
