import Fetch
import Foundation
import TestSupport
import Testing

/// HTTPClient against a LoopbackServer on 127.0.0.1: statuses, conditional requests, gzip,
/// redirects, timeouts, the headers a polite crawler sends.
@Suite struct HTTPClientTests {
    static let agent = "Writethru-test/1.0 (+mailto:desk@example.org)"

    static func request(_ url: String, timeout: Double = 5) throws -> FetchRequest {
        FetchRequest(url: try #require(URL(string: url)), userAgent: agent, timeout: timeout)
    }

    @Test func okReturnsTheBodyAndHeaders() throws {
        let page = "<html><head><title>Talks end</title></head><body><p>ANCHORAGE, Alaska (AP) — Talks ended.</p></body></html>"
        let site = LoopbackSite()
        site.set("/world/talks.html", .html(page, headers: [("ETag", "\"v1\""), ("Last-Modified", "Thu, 18 Mar 2021 22:10:00 GMT")]))
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        var request = try Self.request(server.url("/world/talks.html"))
        request.accept = "text/html,application/xhtml+xml"
        let response = try HTTPClient().fetch(request).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == page)
        #expect(response.etag == "\"v1\"")
        #expect(response.lastModified == "Thu, 18 Mar 2021 22:10:00 GMT")
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(response.redirects.isEmpty)
        #expect(response.finalURL == request.url)
        #expect(response.contentEncoding == nil)
        #expect(response.elapsed > 0 && response.elapsed < 5)
        let seen = try #require(server.requests.first)
        #expect(seen.method == "GET")
        #expect(seen.path == "/world/talks.html")
        #expect(seen.headers["user-agent"] == Self.agent)
        #expect(seen.headers["accept"] == "text/html,application/xhtml+xml")
        #expect(seen.headers["if-none-match"] == nil && seen.headers["if-modified-since"] == nil)
        #expect(seen.headers["cookie"] == nil)
    }

    @Test func ifNoneMatchGetsNotModified() throws {
        let site = LoopbackSite()
        site.setConditional("/story", .html("<p>First take.</p>"), etag: "\"abc123\"")
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let client = try HTTPClient()
        let first = try client.fetch(Self.request(server.url("/story"))).get()
        #expect(first.status == 200)
        var again = try Self.request(server.url("/story"))
        again.ifNoneMatch = first.etag
        let second = try client.fetch(again).get()
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(server.requests.map { $0.headers["if-none-match"] } == [nil, "\"abc123\""])
        var stale = try Self.request(server.url("/story"))
        stale.ifNoneMatch = "\"old\""
        #expect(try client.fetch(stale).get().status == 200)
    }

    @Test func ifModifiedSinceGetsNotModified() throws {
        let stamp = "Fri, 19 Mar 2021 07:45:00 GMT"
        let site = LoopbackSite()
        site.setConditional("/feed.xml", .content(Array("<rss/>".utf8), type: "application/rss+xml"), etag: nil, lastModified: stamp)
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        var request = try Self.request(server.url("/feed.xml"))
        request.ifModifiedSince = stamp
        let response = try HTTPClient().fetch(request).get()
        #expect(response.status == 304)
        #expect(response.lastModified == stamp)
        #expect(server.requests.first?.headers["if-modified-since"] == stamp)
    }

    @Test func gzipBodyIsDecoded() throws {
        let text = String(repeating: "WASHINGTON (AP) — The Senate voted 51-49 on Tuesday. ", count: 3_000)  // > one 64 KiB block
        let server = try LoopbackServer { _ in LoopbackResponse.html(text).gzipped() }
        defer { server.stop() }
        let response = try HTTPClient().fetch(Self.request(server.url("/politics"))).get()
        #expect(response.status == 200)
        #expect(response.contentEncoding == "gzip")
        #expect(response.body.count == text.utf8.count)
        #expect(String(decoding: response.body, as: UTF8.self) == text)
        #expect(server.requests.first?.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func redirectChainReportsEveryHopAndTheFinalURL() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        site.set("/a", .redirect(to: "/b", status: 301))
        site.set("/b", .redirect(to: server.url("/c?x=1"), status: 302))
        site.set("/c", .redirect(to: "/final", status: 307))
        site.set("/final", .html("<p>here</p>"))
        let response = try HTTPClient().fetch(Self.request(server.url("/a"))).get()
        #expect(response.status == 200)
        #expect(response.redirects.map(\.absoluteString) == [server.url("/b"), server.url("/c?x=1"), server.url("/final")])
        #expect(response.finalURL.absoluteString == server.url("/final"))
        #expect(response.requestedURL.absoluteString == server.url("/a"))
        #expect(String(decoding: response.body, as: UTF8.self) == "<p>here</p>")
        #expect(server.requests.map(\.path) == ["/a", "/b", "/c?x=1", "/final"])
    }

    @Test func relativeLocationsResolveAgainstTheRedirectingURL() throws {
        let site = LoopbackSite()
        site.set("/news/2021/a.html", .redirect(to: "b.html", status: 301))
        site.set("/news/2021/b.html", .redirect(to: "../latest.html?from=b", status: 302))
        site.set("/news/latest.html", .html("<p>latest</p>"))
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let response = try HTTPClient().fetch(Self.request(server.url("/news/2021/a.html"))).get()
        #expect(response.status == 200)
        #expect(response.redirects.map(\.absoluteString) == [server.url("/news/2021/b.html"), server.url("/news/latest.html?from=b")])
        #expect(server.requests.map(\.path) == ["/news/2021/a.html", "/news/2021/b.html", "/news/latest.html?from=b"])
    }

    @Test func tooManyRedirectsIsAnError() throws {
        let server = try LoopbackServer { request in
            let hop = Int(request.path.dropFirst("/hop/".count)) ?? 0
            return .redirect(to: "/hop/\(hop + 1)")
        }
        defer { server.stop() }
        var request = try Self.request(server.url("/hop/0"))
        request.maximumRedirects = 3
        #expect(try HTTPClient().fetch(request).error == .tooManyRedirects(3))
        #expect(server.requests.map(\.path) == ["/hop/0", "/hop/1", "/hop/2", "/hop/3"])
    }

    @Test func redirectToAFileURLIsRefused() throws {
        let server = try LoopbackServer { _ in .redirect(to: "file:///etc/passwd") }
        defer { server.stop() }
        let result = try HTTPClient().fetch(Self.request(server.url("/trap")))
        #expect(result.error == .unsupportedScheme("file:///etc/passwd"))
        #expect(server.requests.count == 1)
    }

    @Test func onlyWebURLsAreFetched() throws {
        let client = try HTTPClient()
        #expect(try client.fetch(Self.request("file:///etc/hostname")).error == .unsupportedScheme("file:///etc/hostname"))
        #expect(try client.fetch(Self.request("ftp://127.0.0.1/x")).error == .unsupportedScheme("ftp://127.0.0.1/x"))
        #expect(try client.fetch(Self.request("http:///nohost")).error == .invalidURL("http:///nohost"))
        #expect(try client.fetch(Self.request("relative/path")).error == .invalidURL("relative/path"))
    }

    @Test func missingAndGonePagesAreResponses() throws {
        let site = LoopbackSite()
        site.set("/gone", .status(410))
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let client = try HTTPClient()
        let missing = try client.fetch(Self.request(server.url("/nowhere"))).get()
        #expect(missing.status == 404)
        #expect(String(decoding: missing.body, as: UTF8.self) == "Not Found\n")
        #expect(try client.fetch(Self.request(server.url("/gone"))).get().status == 410)
    }

    @Test func tooManyRequestsCarriesRetryAfter() throws {
        let site = LoopbackSite()
        site.set("/busy", .status(429, headers: [("Retry-After", "120")]))
        site.set("/down", .status(503, headers: [("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")]))
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let client = try HTTPClient()
        let busy = try client.fetch(Self.request(server.url("/busy"))).get()
        #expect(busy.status == 429)
        #expect(busy.retryAfter(now: Date()) == 120)
        let down = try client.fetch(Self.request(server.url("/down"))).get()
        #expect(down.status == 503)
        let now = try #require(HTTPDate.parse("Wed, 21 Oct 2026 07:00:00 GMT"))
        #expect(abs((down.retryAfter(now: now) ?? 0) - 28 * 60) < 0.001)
        #expect(down.retryAfter(now: now.addingTimeInterval(3_600)) == 0)
    }

    @Test func aStalledServerTimesOutOnTime() throws {
        let server = try LoopbackServer { _ in LoopbackResponse.html("<p>late</p>").delayed(30) }
        defer { server.stop() }
        let client = try HTTPClient()
        let started = Date()
        let result = try client.fetch(Self.request(server.url("/slow"), timeout: 1))
        let took = Date().timeIntervalSince(started)
        #expect(result.error == .timedOut(seconds: 1))
        #expect(took >= 0.9 && took < 2.5, "took \(took) s")
    }

    @Test func aBodyPastTheLimitIsAnError() throws {
        let server = try LoopbackServer { _ in .content([UInt8](repeating: 65, count: 300_000), type: "text/plain") }
        defer { server.stop() }
        var request = try Self.request(server.url("/big"))
        request.maximumBytes = 100_000
        #expect(try HTTPClient().fetch(request).error == .tooLarge(100_000))
        request.maximumBytes = 300_000
        #expect(try HTTPClient().fetch(request).get().body.count == 300_000)
    }

    @Test func aClosedPortCannotConnect() throws {
        let server = try LoopbackServer { _ in .status(200) }
        let url = server.url("/")
        server.stop()
        guard case .failure(.cannotConnect) = try HTTPClient().fetch(Self.request(url)) else {
            Issue.record("a closed port gave a response or another error")
            return
        }
    }

    @Test func manyThreadsFetchAtOnce() throws {
        // Each answer takes 20 ms: 200 one at a time would take 4 s.
        let server = try LoopbackServer { request in LoopbackResponse.html("<p>\(request.path)</p>").delayed(0.02) }
        defer { server.stop() }
        let client = try HTTPClient(maximumConnections: 8)
        let threads = 20, each = 10
        let bodies = Locked([String?](repeating: nil, count: threads * each))
        let started = Date()
        onThreads(threads) { thread in
            for step in 0..<each {
                let index = thread * each + step
                guard let request = try? Self.request(server.url("/story/\(index)")),
                      case .success(let response) = client.fetch(request) else { continue }
                bodies.withLock { $0[index] = String(decoding: response.body, as: UTF8.self) }
            }
        }
        let took = Date().timeIntervalSince(started)
        #expect(bodies.withLock { $0 } == (0..<threads * each).map { "<p>/story/\($0)</p>" })
        #expect(server.requests.count == threads * each)
        #expect(took < 2, "200 fetches of 20 ms took \(took) s")
    }
}
