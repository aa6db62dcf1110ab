import Foundation
import TestSupport
import Testing

/// `watch` and `capture` against a real HTTP server on 127.0.0.1 that the test starts and
/// stops: each pass asserts what was requested and what was recorded (docs/capture.md).
@Suite struct CaptureCommandTests {
    /// The pass times: a fixed clock moved by hand, so the schedule can be tested in seconds.
    static let start = "2026-03-10T12:00:00Z"
    static func at(_ minutes: Double) -> String {
        let date = Date(timeIntervalSince1970: 1_773_144_000 + minutes * 60)
        return ISO8601DateFormatter().string(from: date)
    }

    /// A story page as news sites serve them: furniture around an article.
    static func page(_ headline: String, _ paragraphs: [String], canonical: String? = nil) -> LoopbackResponse {
        let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
        return .html("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(headline) | Daily Courier</title>
            \(canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? "")
            <meta property="og:title" content="\(headline)"></head><body>
            <nav class="site-nav"><a href="/">Home</a> <a href="/world">World</a></nav>
            <main><article><h1>\(headline)</h1><p class="byline">By Ana Ruiz</p>
            \(body)
            </article></main><footer>© 2026 Daily Courier. All Rights Reserved.</footer></body></html>
            """)
    }

    static let flood = [
        "Floodwaters rose across the river valley on Tuesday, forcing 1,200 residents from their homes, officials said.",
        "The river crested at 7.3 metres in the town of Marlow shortly after noon, the regional water authority said.",
        "Emergency crews opened three shelters and asked residents of low-lying streets to leave before nightfall.",
    ]

    /// A workspace with an archive whose capture settings suit a test: no pause between
    /// requests to the loopback host unless a test wants one, and a contact.
    static func workspace(_ edit: (inout [String: Any]) -> Void = { _ in }) throws -> Workspace {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        try workspace.changeSettings("Capture settings for the test") { settings in
            var capture = settings["capture"] as? [String: Any] ?? [:]
            capture["hostInterval"] = 0
            capture["contact"] = "desk@example.com"
            settings["capture"] = capture
            edit(&capture)
            settings["capture"] = capture
        }
        return workspace
    }

    static func run(_ workspace: Workspace, _ arguments: [String], at time: String) throws -> CommandResult {
        try CommandRunner.writethru(arguments + ["--archive", workspace.archive], environment: ["WRITETHRU_NOW": time])
    }

    static func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Every object of a `capture` or `watch` JSON document has exactly the keys its schema in
    /// docs/schema/ declares: at the top and in each item of `list` (whose definition is `item`).
    static func expectSchema(_ document: [String: Any], _ name: String, list: String, item: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let schema = try #require(try JSONSerialization.jsonObject(
            with: Data(try Fixtures.bytes("docs/schema/\(name).schema.json"))) as? [String: Any])
        func keys(_ object: Any?) -> Set<String> { Set((object as? [String: Any])?.keys.map { $0 } ?? []) }
        #expect(Set(document.keys) == keys(schema["properties"]), sourceLocation: sourceLocation)
        #expect(document["schema"] as? String == schema["$id"] as? String, sourceLocation: sourceLocation)
        let definition = ((schema["$defs"] as? [String: Any])?[item] as? [String: Any])?["properties"]
        let items = try #require(document[list] as? [[String: Any]], sourceLocation: sourceLocation)
        #expect(!items.isEmpty, sourceLocation: sourceLocation)
        for object in items { #expect(Set(object.keys) == keys(definition), sourceLocation: sourceLocation) }
    }

    @Test func aPageThatChangesIsRecordedOncePerChangeAndA304CostsNoParse() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        let url = server.url("/world/flood-2026")
        site.setConditional("/world/flood-2026", Self.page("Floods force 1,200 from homes", Self.flood), etag: "\"v1\"")
        let added = try workspace.writethru(["watch", "add", url, "--story", "valley-floods"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "watching page \(url)\n")

        let first = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("recorded     \(url) → valley-floods v1\n"), "\(first.stdout)")
        let fetched = server.requests.filter { $0.path == "/world/flood-2026" }
        #expect(fetched.count == 1)
        #expect(fetched.first?.headers["user-agent"]?.hasPrefix("Writethru/") == true)
        #expect(fetched.first?.headers["user-agent"]?.hasSuffix("(+desk@example.com)") == true)

        // Not due for 15 minutes (the story changed just now): no request at all.
        let early = try Self.run(workspace, ["capture"], at: Self.at(5))
        #expect(early.stdout.hasPrefix("capture: 0 URLs; 0 requests; next due \(Self.at(15))"), "\(early.stdout)")
        #expect(server.requests.filter { $0.path == "/world/flood-2026" }.count == 1)

        // Due again: the validator goes with it and the 304 records nothing.
        let second = try Self.run(workspace, ["capture"], at: Self.at(16))
        #expect(second.stdout.hasPrefix("not modified \(url)\n"), "\(second.stdout)")
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")

        // The page changes: the new version is recorded with how it was fetched.
        let updated = Self.flood.prefix(1).map { $0.replacingOccurrences(of: "1,200", with: "1,500") }
            + Self.flood.dropFirst()
        site.setConditional("/world/flood-2026", Self.page("Floods force 1,500 from homes", Array(updated)),
                            etag: "\"v2\"")
        let third = try Self.run(workspace, ["capture", "--format", "json"], at: Self.at(32))
        let pass = try Self.json(third)
        let fetches = try #require(pass["fetches"] as? [[String: Any]])
        #expect(fetches.map { $0["outcome"] as? String } == ["recorded"])
        #expect(fetches.first?["version"] as? Int == 2)
        try Self.expectSchema(pass, "capture", list: "fetches", item: "fetch")
        let meta = try workspace.git(["show", "stories/valley-floods:meta.json"]).stdout
        let capture = try #require((try JSONSerialization.jsonObject(with: Data(meta.utf8)) as? [String: Any])?["capture"]
                                   as? [String: Any])
        #expect(capture["url"] as? String == url)
        #expect(capture["finalURL"] as? String == url)
        #expect(capture["status"] as? Int == 200)
        #expect(capture["fetched"] as? String == Self.at(32))
        #expect(capture["etag"] as? String == "\"v2\"")
        // The bytes received are kept exactly.
        let source = try workspace.git(["show", "stories/valley-floods:source/flood-2026"]).stdoutBytes
        #expect(source == Self.page("Floods force 1,500 from homes", Array(updated)).body)
        let log = try workspace.writethru(["log", "valley-floods"])
        #expect(log.stdout.split(separator: "\n").count == 2)
    }

    @Test func redirectsAreFollowedAndTheFinalURLKept() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        site.set("/s/123", .redirect(to: server.url("/2026/03/10/floods"), status: 301))
        site.set("/2026/03/10/floods", Self.page("Floods force 1,200 from homes", Self.flood))
        site.set("/loop", .redirect(to: server.url("/loop")))
        #expect(try workspace.writethru(["watch", "add", server.url("/s/123"), server.url("/loop")]).status == 0)
        let pass = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(pass.status == 0, "\(pass.stderr)")
        #expect(pass.stdout.contains("failed       \(server.url("/loop")) (more than 5 redirects)"), "\(pass.stdout)")
        let list = try Self.json(try workspace.writethru(["watch", "list", "--format", "json"]))
        let watched = try #require(list["watch"] as? [[String: Any]])
        let story = try #require(watched.first { $0["url"] as? String == server.url("/s/123") })
        #expect(story["finalURL"] as? String == server.url("/2026/03/10/floods"))
        let id = try #require(story["story"] as? String)
        let meta = try workspace.git(["show", "stories/\(id):meta.json"]).stdout
        #expect(meta.contains("\"finalURL\": \"\(server.url("/2026/03/10/floods"))\""))
    }

    @Test func aGzippedPageIsKeptDecoded() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        let page = Self.page("Floods force 1,200 from homes", Self.flood)
        site.set("/flood", page.gzipped())
        #expect(try workspace.writethru(["watch", "add", server.url("/flood"), "--story", "floods"]).status == 0)
        let pass = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(pass.stdout.hasPrefix("recorded "), "\(pass.stdout) \(pass.stderr)")
        #expect(server.requests.first { $0.path == "/flood" }?.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(try workspace.git(["show", "stories/floods:source/flood"]).stdoutBytes == page.body)
        #expect(try workspace.git(["show", "stories/floods:meta.json"]).stdout.contains("\"contentEncoding\": \"gzip\""))
    }

    @Test func aHostThatAsksToWaitIsLeftAloneUntilRetryAfter() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        site.set("/busy", .status(429, headers: [("Retry-After", "600")]))
        #expect(try workspace.writethru(["watch", "add", server.url("/busy")]).status == 0)
        let first = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(first.stdout.hasPrefix("deferred     \(server.url("/busy")) (HTTP 429, Retry-After 600 s); next try \(Self.at(10))"),
                "\(first.stdout)")
        _ = try Self.run(workspace, ["capture"], at: Self.at(9))
        #expect(server.requests.filter { $0.path == "/busy" }.count == 1)
        site.set("/busy", Self.page("Floods force 1,200 from homes", Self.flood))
        let later = try Self.run(workspace, ["capture"], at: Self.at(10))
        #expect(later.stdout.hasPrefix("recorded "), "\(later.stdout)")
    }

    @Test func aServerSlowerThanTheTimeoutFailsAndIsTriedLater() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace { $0["timeoutSeconds"] = 1 }
        site.set("/slow", Self.page("Floods force 1,200 from homes", Self.flood).delayed(4))
        #expect(try workspace.writethru(["watch", "add", server.url("/slow")]).status == 0)
        let started = Date()
        let pass = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(Date().timeIntervalSince(started) < 3.5)
        #expect(pass.stdout.hasPrefix("failed       \(server.url("/slow")) (timed out after 1 s); next try \(Self.at(5))"),
                "\(pass.stdout)")
        let list = try workspace.writethru(["watch", "list"])
        #expect(list.stdout == """
            kind  status    next due              story  url
            page  1 failed  \(Self.at(5))  -      \(server.url("/slow"))

            """, "\(list.stdout)")
    }

    static func feed(_ items: [(String, String)]) -> LoopbackResponse {
        let entries = items.map { link, title in
            "<item><title>\(title)</title><link>\(link)</link><guid isPermaLink=\"true\">\(link)</guid>"
                + "<pubDate>Tue, 10 Mar 2026 11:00:00 GMT</pubDate></item>"
        }.joined(separator: "\n")
        return .content(Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Daily Courier: World</title><link>https://courier.example/</link>
            \(entries)
            </channel></rss>
            """.utf8), type: "application/rss+xml")
    }

    @Test func aFeedThatGainsItemsWatchesEachNewPage() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        // One request a second to a host, as a site expects by default.
        let workspace = try Self.workspace { $0["hostInterval"] = 1 }
        let stories = [("/floods", "Floods force 1,200 from homes"), ("/vote", "Council delays vote on dam"),
                       ("/rescue", "Boat crews rescue 40 from roofs")]
        for (path, headline) in stories {
            site.set(path, Self.page(headline, ["\(headline), officials said on Tuesday in a statement issued in Marlow.",
                                                "Residents were told to expect more rain through the week ahead."]))
        }
        site.set("/feed.xml", Self.feed(stories.prefix(2).map { (server.url($0.0), $0.1) }))
        let added = try workspace.writethru(["watch", "add", "--feed", server.url("/feed.xml")])
        #expect(added.stdout == "watching feed \(server.url("/feed.xml"))\n")
        let first = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(first.stdout.hasPrefix("feed         \(server.url("/feed.xml")) (2 items, 2 new)\n"), "\(first.stdout)")
        #expect(first.stdout.components(separatedBy: "\nrecorded ").count == 3, "\(first.stdout)")
        // Paced: the two pages of the host were asked for at least a second apart.
        let pages = server.requests.filter { $0.path == "/floods" || $0.path == "/vote" }.map(\.time)
        #expect(pages.count == 2)
        // (Arrivals at the server, so a second less the slack of a busy machine's connections.)
        if pages.count == 2 { #expect(abs(pages[1].timeIntervalSince(pages[0])) >= 0.8) }

        site.set("/feed.xml", Self.feed(stories.map { (server.url($0.0), $0.1) }))
        let second = try Self.run(workspace, ["capture", "--format", "json"], at: Self.at(16))
        let fetches = try #require(try Self.json(second)["fetches"] as? [[String: Any]])
        #expect(fetches.first?["outcome"] as? String == "feed-read")
        #expect(fetches.first?["newURLs"] as? Int == 1)
        let recorded = fetches.filter { $0["outcome"] as? String == "recorded" }.compactMap { $0["url"] as? String }
        #expect(recorded == [server.url("/rescue")])
        // The pages already recorded were fetched again (due after 15 minutes) and not recorded twice.
        #expect(fetches.filter { $0["outcome"] as? String == "unchanged" }.count == 2)
        let list = try Self.json(try workspace.writethru(["watch", "list", "--format", "json"]))
        try Self.expectSchema(list, "watch", list: "watch", item: "watched")
        let feeds = (list["watch"] as? [[String: Any]] ?? []).compactMap { $0["feed"] as? String }
        #expect(feeds == Array(repeating: server.url("/feed.xml"), count: 3))
    }

    @Test func robotsTxtIsObeyed() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        site.set("/robots.txt", .content(Array("""
            User-agent: *
            Disallow: /private/
            Crawl-delay: 1

            User-agent: OtherBot
            Disallow: /
            """.utf8), type: "text/plain"))
        site.set("/private/memo", Self.page("Memo on flood plans", Self.flood))
        site.set("/news/floods", Self.page("Floods force 1,200 from homes", Self.flood))
        #expect(try workspace.writethru(["watch", "add", server.url("/private/memo"), server.url("/news/floods")]).status == 0)
        let pass = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(pass.stdout.contains("blocked      \(server.url("/private/memo")) (robots.txt disallows it)"), "\(pass.stdout)")
        #expect(pass.stdout.contains("recorded     \(server.url("/news/floods"))"), "\(pass.stdout)")
        #expect(!server.requests.contains { $0.path == "/private/memo" })
        // Its Crawl-delay spaces the host's requests though capture.hostInterval is 0 here.
        let times = server.requests.filter { $0.path != "/private/memo" }.map(\.time)
        #expect(times.count == 2)
        // The pacer spaces the starts; the server sees arrivals, the first one late by its
        // connection on a busy machine: a second less that slack.
        if times.count == 2 { #expect(abs(times[1].timeIntervalSince(times[0])) >= 0.8, "\(times)") }
        #expect(server.requests.filter { $0.path == "/robots.txt" }.count == 1)
        // robots.txt is read once a day, not once a pass.
        _ = try Self.run(workspace, ["capture", "--all"], at: Self.at(1))
        #expect(server.requests.filter { $0.path == "/robots.txt" }.count == 1)
    }

    @Test func aPageThatDisappearsIsAnEventInItsHistoryNotADeletion() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        let url = server.url("/floods")
        site.set("/floods", Self.page("Floods force 1,200 from homes", Self.flood))
        #expect(try workspace.writethru(["watch", "add", url, "--story", "floods"]).status == 0)
        _ = try Self.run(workspace, ["capture"], at: Self.at(0))
        site.set("/floods", Self.page("Floods force 1,500 from homes", Self.flood + ["Rain is forecast to ease on Thursday."]))
        let second = try Self.run(workspace, ["capture"], at: Self.at(16))
        #expect(second.stdout.hasPrefix("recorded     \(url) → floods v2"), "\(second.stdout)")
        site.set("/floods", .status(404))
        let gone = try Self.run(workspace, ["capture"], at: Self.at(32))
        #expect(gone.stdout.hasPrefix("gone         \(url) (noted in floods's history; what was recorded stays)"),
                "\(gone.stdout)")
        // Both versions stand; the event is a note on the latest, read by log and by plain git.
        #expect(try workspace.git(["rev-list", "--count", "stories/floods"]).stdout == "2\n")
        let log = try workspace.writethru(["log", "floods"])
        #expect(log.stdout.contains("(page gone: HTTP 404 \(url))"), "\(log.stdout)")
        let notes = try workspace.git(["log", "--notes=capture", "-1", "stories/floods"]).stdout
        #expect(notes.contains("Capture: gone (HTTP 404) at \(Self.at(32)): \(url)"), "\(notes)")
        let again = try Self.run(workspace, ["capture"], at: Self.at(48))
        #expect(again.stdout.hasPrefix("gone         \(url) (already noted)"), "\(again.stdout)")
        let json = try Self.json(try workspace.writethru(["log", "floods", "--format", "json"]))
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["version"] as? Int == 2)
        #expect(events.first?["status"] as? Int == 404)
    }

    @Test func aPageBackWithA304GetsItsBackNote() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        let url = server.url("/floods")
        let page = Self.page("Floods force 1,200 from homes", Self.flood)
        site.setConditional("/floods", page, etag: "\"v1\"")
        #expect(try workspace.writethru(["watch", "add", url, "--story", "floods"]).status == 0)
        _ = try Self.run(workspace, ["capture"], at: Self.at(0))
        site.set("/floods", .status(410))
        #expect(try Self.run(workspace, ["capture"], at: Self.at(16)).stdout.hasPrefix("gone "))
        site.setConditional("/floods", page, etag: "\"v1\"")
        let back = try Self.run(workspace, ["capture"], at: Self.at(32))
        #expect(back.stdout.hasPrefix("not modified \(url)"), "\(back.stdout)")
        let notes = try workspace.git(["log", "--notes=capture", "-1", "stories/floods"]).stdout
        #expect(notes.contains("Capture: back (HTTP 304) at \(Self.at(32)): \(url)"), "\(notes)")
        let list = try Self.json(try workspace.writethru(["watch", "list", "--format", "json"]))
        #expect((list["watch"] as? [[String: Any]])?.first?["gone"] is NSNull)
    }

    @Test func aPageThatCannotBeReadFailsEachTimeAndBacksOff() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        site.setConditional("/menu", .html("<html><head><title>Menu</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>"),
                            etag: "\"m1\"")
        #expect(try workspace.writethru(["watch", "add", server.url("/menu")]).status == 0)
        let first = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(first.stdout.hasPrefix("failed       \(server.url("/menu")) (the page cannot be read: "), "\(first.stdout)")
        #expect(first.stdout.contains("next try \(Self.at(5))"), "\(first.stdout)")
        // The same bytes again are read again, not taken for unchanged; the wait doubles.
        let second = try Self.run(workspace, ["capture"], at: Self.at(5))
        #expect(second.stdout.hasPrefix("failed       \(server.url("/menu")) (the page cannot be read: "), "\(second.stdout)")
        #expect(second.stdout.contains("next try \(Self.at(15))"), "\(second.stdout)")
        #expect(server.requests.last?.headers["if-none-match"] == nil)
    }

    @Test func aRobotsTxtThatCannotBeReadKeepsTheHostAndSaysWhy() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        site.set("/robots.txt", .status(503))
        site.set("/floods", Self.page("Floods force 1,200 from homes", Self.flood))
        #expect(try workspace.writethru(["watch", "add", server.url("/floods")]).status == 0)
        let pass = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(pass.stdout.hasPrefix("blocked      \(server.url("/floods")) (robots.txt answered HTTP 503; "
                                      + "the host is left alone until it answers)"), "\(pass.stdout)")
        #expect(!server.requests.contains { $0.path == "/floods" })
        // Not kept for a day: once robots.txt answers, the page is fetched.
        site.remove("/robots.txt")
        let later = try Self.run(workspace, ["capture", "--all"], at: Self.at(1))
        #expect(later.stdout.hasPrefix("recorded "), "\(later.stdout)")
    }

    @Test func twoCapturesAtOnceNeverFetchTheSameURLTwice() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace { $0["perHost"] = 4 }
        var urls: [String] = []
        for n in 1...12 {
            let path = "/story/\(n)"
            site.set(path, Self.page("Story number \(n) on the floods in Marlow",
                                     ["Story \(n): floodwaters rose across the valley on Tuesday, officials said.",
                                      "Crews opened \(n) shelters for residents of low-lying streets."]).delayed(0.2))
            urls.append(server.url(path))
        }
        #expect(try workspace.writethru(["watch", "add"] + urls).status == 0)
        let results = CaptureResults()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                let result = try? Self.run(workspace, ["capture", "--format", "json"], at: Self.at(0))
                results.append(result)
                group.leave()
            }.start()
        }
        group.wait()
        let passes = results.all.compactMap { $0 }
        #expect(passes.count == 2)
        let fetched = server.requests.filter { $0.path.hasPrefix("/story/") }.map(\.path)
        #expect(fetched.count == 12, "\(fetched)")
        #expect(Set(fetched).count == 12)
        let recorded = passes.compactMap { try? Self.json($0)["recorded"] as? Int }.reduce(0, +)
        #expect(recorded == 12)
        #expect(try workspace.git(["for-each-ref", "refs/heads/stories"]).stdout.split(separator: "\n").count == 12)
    }

    @Test func watchRunStopsBetweenFetchesOnSIGTERMAndTheRestStayDue() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        var urls: [String] = []
        for n in 1...8 {
            site.set("/story/\(n)", Self.page("Story number \(n) on the floods in Marlow",
                                              ["Story \(n): floodwaters rose across the valley on Tuesday, officials said.",
                                               "Crews opened \(n) shelters for residents."]).delayed(0.4))
            urls.append(server.url("/story/\(n)"))
        }
        #expect(try workspace.writethru(["watch", "add"] + urls).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.writethru)
        process.arguments = ["watch", "run", "--archive", workspace.archive]
        process.environment = CommandRunner.baseEnvironment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        // One request at a time to the host: stop it once the first page is in.
        for _ in 0..<200 where server.requests.filter({ $0.path.hasPrefix("/story/") }).count < 2 { usleep(20_000) }
        // As coreutils `timeout` does: the signal to the process, then again to its group a
        // moment later (after the first was handled: two pending ones would merge into one).
        kill(process.processIdentifier, SIGTERM)
        usleep(30_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let recorded = printed.split(separator: "\n").filter { $0.hasPrefix("recorded ") }.count
        #expect(recorded >= 1 && recorded < 8, "\(printed)")
        // Every page fetched was recorded; the next pass takes exactly the rest.
        let fetched = Set(server.requests.map(\.path).filter { $0.hasPrefix("/story/") })
        #expect(fetched.count == recorded, "\(printed)")
        let rest = try Self.run(workspace, ["capture", "--format", "json"], at: ISO8601DateFormatter().string(from: Date()))
        let fetches = try #require(try Self.json(rest)["fetches"] as? [[String: Any]])
        #expect(fetches.count == 8 - recorded, "\(rest.stdout)")
        #expect(fetches.allSatisfy { $0["outcome"] as? String == "recorded" })
    }

    @Test func eachCapturedRevisionRunsThePostRecordHook() throws {
        let site = LoopbackSite()
        let server = try LoopbackServer(site: site)
        defer { server.stop() }
        let workspace = try Self.workspace()
        try FileManager.default.createDirectory(atPath: workspace.archive + "/hooks", withIntermediateDirectories: true)
        let hook = workspace.archive + "/hooks/post-record"
        try Data("#!/bin/sh\ncat > \"$(dirname \"$0\")/../event-$WRITETHRU_VERSION.json\"\n".utf8)
            .write(to: URL(fileURLWithPath: hook))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        site.set("/floods", Self.page("Floods force 1,200 from homes", Self.flood))
        #expect(try workspace.writethru(["watch", "add", server.url("/floods"), "--story", "floods"]).status == 0)
        _ = try Self.run(workspace, ["capture"], at: Self.at(0))
        let event = try String(contentsOfFile: workspace.archive + "/event-1.json", encoding: .utf8)
        #expect(event.contains("\"story\": \"floods\""), "\(event)")
        // An unchanged page is no new revision: no event.
        _ = try Self.run(workspace, ["capture"], at: Self.at(16))
        #expect(!FileManager.default.fileExists(atPath: workspace.archive + "/event-2.json"))
    }

    @Test func badWatchInputIsOneLineAndAnExitCode() throws {
        let workspace = try Self.workspace()
        let ftp = try workspace.writethru(["watch", "add", "ftp://example.com/story"])
        #expect(ftp.status == 64)
        #expect(ftp.stderr == "writethru: error: cannot watch 'ftp://example.com/story': not an http or https URL\n")
        let secret = try workspace.writethru(["watch", "add", "https://me:pw@example.com/story"])
        #expect(secret.status == 64)
        let unknown = try workspace.writethru(["watch", "remove", "https://example.com/never"])
        #expect(unknown.status == 67)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        let two = try workspace.writethru(["watch", "add", "https://example.com/a", "https://example.com/b",
                                           "--story", "x"])
        #expect(two.status == 64)
        let nothing = try Self.run(workspace, ["capture"], at: Self.at(0))
        #expect(nothing.status == 0)
        #expect(nothing.stderr.contains("nothing is watched"))
        let nothingJSON = try Self.json(try Self.run(workspace, ["capture", "--format", "json"], at: Self.at(0)))
        #expect(nothingJSON["fetches"] as? [Any] != nil)
        #expect(nothingJSON["requests"] as? Int == 0)
        let noArchive = try CommandRunner.writethru(["capture", "--archive", workspace.directory + "/none.git"])
        #expect(noArchive.status == 68)
        #expect(!noArchive.stderr.contains("Fatal error"))
        // Adding twice keeps one entry; removing leaves what was recorded.
        #expect(try workspace.writethru(["watch", "add", "https://Example.com/a#top"]).stdout
                    == "watching page https://example.com/a\n")
        #expect(try workspace.writethru(["watch", "add", "https://example.com/a"]).stdout
                    == "already watched: https://example.com/a\n")
        let again = try Self.json(try workspace.writethru(["watch", "add", "https://example.com/a",
                                                           "https://example.com/b", "--format", "json"]))
        #expect(again["added"] as? [String] == ["https://example.com/b"])
        #expect(again["unchanged"] as? [String] == ["https://example.com/a"])
        let changeSchema = try #require(try JSONSerialization.jsonObject(
            with: Data(try Fixtures.bytes("docs/schema/watch-change.schema.json"))) as? [String: Any])
        #expect(Set(again.keys) == Set((changeSchema["properties"] as? [String: Any])?.keys.map { $0 } ?? []))
        #expect(try workspace.writethru(["watch", "remove", "https://example.com/a", "https://example.com/b"]).stdout
                    == "stopped watching https://example.com/a\nstopped watching https://example.com/b\n")
        #expect(try workspace.writethru(["watch", "list", "--format", "json"]).stdout
                    == "{\n  \"schema\": \"writethru.watch/1\",\n  \"watch\": []\n}\n")
    }
}

/// Results gathered from threads.
final class CaptureResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [CommandResult?] = []
    func append(_ result: CommandResult?) { lock.withLock { results.append(result) } }
    var all: [CommandResult?] { lock.withLock { results } }
}
