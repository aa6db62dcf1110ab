import Fetch
import Testing

private let ours = "Writethru/1.0 (+mailto:desk@example.com)"

private func robots(_ text: String) -> RobotsTxt { RobotsTxt(Array(text.utf8)) }

/// RFC 9309's own examples, then the parts of the format real sites' files exercise.
@Suite struct RobotsTxtTests {
    /// RFC 9309 section 5.1.
    static let rfcExample = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """

    @Test func theRFCsSimpleExample() {
        let file = robots(Self.rfcExample)
        #expect(file.allows("/example/page.html", userAgent: "foobot"))
        #expect(file.allows("/example/allowed.gif", userAgent: "FooBot/2.1"))
        #expect(!file.allows("/example/other.html", userAgent: "foobot"))
        #expect(!file.allows("/", userAgent: "foobot"))
        for bot in ["barbot", "bazbot"] {
            #expect(!file.allows("/example/page.html", userAgent: bot))
            #expect(file.allows("/example/other.html", userAgent: bot), "\(bot) is not in the * group")
            #expect(file.allows("/images/a.gif", userAgent: bot))
        }
        #expect(file.allows("/example/page.html", userAgent: "quxbot"), "a group without rules allows everything")
        #expect(file.allows("/images/a.gif", userAgent: "quxbot"))
        #expect(!file.allows("/images/a.gif", userAgent: ours))
        #expect(file.allows("/images/a.gif?size=2", userAgent: ours), "$ anchors at the end")
        #expect(!file.allows("/example/", userAgent: ours))
        #expect(file.allows("/publications/2021", userAgent: ours))
        #expect(file.allows("/robots.txt", userAgent: "foobot"), "robots.txt itself is always allowed")
    }

    /// RFC 9309 section 5.2.
    @Test func theLongestMatchWins() {
        let file = robots("User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n")
        #expect(file.allows("/example/page/", userAgent: "foobot"))
        #expect(file.allows("/example/page/allowed.gif", userAgent: "foobot"))
        #expect(!file.allows("/example/page/disallowed.gif", userAgent: "foobot"))
        let tie = robots("User-agent: *\nDisallow: /folder\nAllow: /folder\nDisallow: /\nAllow: /p\n")
        #expect(tie.allows("/folder/a", userAgent: ours), "Allow wins a tie")
        #expect(tie.allows("/page", userAgent: ours))
        #expect(!tie.allows("/other", userAgent: ours))
    }

    /// RFC 9309 section 2.2.3.
    @Test func wildcardsAndTheEndAnchor() {
        let file = robots("User-agent: *\nDisallow: /\nAllow: /this/path/exactly$\nAllow: /this/*/exactly\nAllow: /$\n")
        #expect(file.allows("/this/path/exactly", userAgent: ours))
        #expect(file.allows("/this/other/path/exactly/too", userAgent: ours))
        #expect(!file.allows("/this/path/exact", userAgent: ours))
        #expect(file.allows("/", userAgent: ours))
        #expect(file.allows("", userAgent: ours), "an empty target is /")
        #expect(!file.allows("/index.html", userAgent: ours))
        let queries = robots("User-agent: *\nDisallow: /*?*sessionid=\nDisallow: /search*$\n")
        #expect(!queries.allows("/news/a.html?ref=rss&sessionid=42", userAgent: ours))
        #expect(queries.allows("/news/a.html?ref=rss", userAgent: ours))
        #expect(!queries.allows("/search?q=storm", userAgent: ours))
    }

    /// RFC 9309 section 2.2.2 (the percent-encoding table) and the `%2A` / `%24` examples of 2.2.3.
    @Test func percentEncodingIsComparedNormalised() {
        let cases: [(rule: String, path: String)] = [
            ("/foo/bar?baz=quz", "/foo/bar?baz=quz"),
            ("/foo/bar/\u{30C4}", "/foo/bar/%E3%83%84"),
            ("/foo/bar/%E3%83%84", "/foo/bar/%E3%83%84"),
            ("/foo/bar/%E3%83%84", "/foo/bar/\u{30C4}"),
            ("/foo/bar/%e3%83%84", "/foo/bar/%E3%83%84"),
            ("/foo/bar/%62%61%7A", "/foo/bar/baz"),
            ("/foo/bar/baz", "/foo/bar/%62%61%7a"),
            ("/path/file-with-a-%2A.html", "/path/file-with-a-*.html"),
            ("/path/foo-%24", "/path/foo-$"),
            ("/100%", "/100%25"),
        ]
        for (rule, path) in cases {
            #expect(!robots("User-agent: *\nDisallow: \(rule)\n").allows(path, userAgent: ours), "\(rule) should match \(path)")
        }
        let apart: [(rule: String, path: String)] = [
            ("/path/file-with-a-%2A.html", "/path/file-with-a-x.html"),
            ("/path/foo-%24", "/path/foo-x"),
            ("/encoded/%2Fprivate", "/encoded//private"),
        ]
        for (rule, path) in apart {
            #expect(robots("User-agent: *\nDisallow: \(rule)\n").allows(path, userAgent: ours), "\(rule) should not match \(path)")
        }
    }

    @Test func groupsAreChosenByProductTokenAndMerged() {
        let file = robots("""
            User-agent: *
            Disallow: /

            User-agent: writethru
            Disallow: /private/

            User-agent: Writethru-Archiver
            Disallow: /archive/

            User-agent: otherbot
            Sitemap: https://www.example.com/sitemap.xml
            User-Agent: WRITETHRU/2.0
            Disallow: /drafts/
            Crawl-delay: 5
            """)
        #expect(file.allows("/world/a.html", userAgent: ours), "our group, not *")
        #expect(!file.allows("/private/x", userAgent: ours))
        #expect(!file.allows("/drafts/x", userAgent: ours), "a second group for the same agent is merged")
        #expect(file.allows("/archive/x", userAgent: ours), "Writethru-Archiver is another product")
        #expect(!file.allows("/drafts/x", userAgent: "otherbot"), "Sitemap does not end a run of User-agent lines")
        #expect(file.allows("/private/x", userAgent: "otherbot"))
        #expect(!file.allows("/world/a.html", userAgent: "Mozilla/5.0 (compatible; Anybot/1.0)"))
        #expect(file.crawlDelay(userAgent: ours) == 5)
        #expect(file.crawlDelay(userAgent: "anybot") == nil)
    }

    @Test func commentsLineEndsTheBOMAndUnknownLines() {
        let text = "\u{FEFF}# robots.txt for www.example.com\r\nDisallow: /before-any-group\r\n"
            + "User-agent: *  # everyone\r\nDisallow: /private # staff only\rUnknown-directive: /x\r\n"
            + "Host: www.example.com\nnonsense line\nAllow:\nDisallow:\nCrawl-delay: soon\nCrawl-delay: 1.5\n"
        let file = RobotsTxt(Array(text.utf8))
        #expect(!file.allows("/private/a", userAgent: ours))
        #expect(file.allows("/before-any-group", userAgent: ours))
        #expect(file.allows("/x", userAgent: ours))
        #expect(file.allows("/public", userAgent: ours), "an empty Disallow allows")
        #expect(file.crawlDelay(userAgent: ours) == 1.5)
        let empty = robots("User-agent: *\nDisallow:\n")
        #expect(empty.allows("/anything", userAgent: ours))
    }

    @Test func onlyTheFirst500KiBAreRead() {
        let padding = "# " + String(repeating: "x", count: 1000) + "\n"
        let head = "User-agent: *\nDisallow: /early\n" + String(repeating: padding, count: 400)
        let past = head + String(repeating: padding, count: 200) + "Disallow: /late\n"
        let file = robots(past)
        #expect(past.utf8.count > 500 * 1024)
        #expect(!file.allows("/early", userAgent: ours))
        #expect(file.allows("/late", userAgent: ours))
        // A rule cut by the limit is not read as a shorter one: `Allow: /p` ends at 500 KiB, no
        // line break after it.
        let start = "User-agent: *\nDisallow: /\n"
        let filler = "#" + String(repeating: "x", count: 500 * 1024 - start.utf8.count - "#\nAllow: /p".utf8.count) + "\n"
        let cut = robots(start + filler + "Allow: /private-area\n")
        #expect((start + filler + "Allow: /p").utf8.count == 500 * 1024)
        #expect(!cut.allows("/p", userAgent: ours))
        #expect(!cut.allows("/private-area", userAgent: ours))
    }

    @Test func statusCodesOfTheRobotsFetch() {
        let body = Array("User-agent: *\nDisallow: /private\n".utf8)
        #expect(!RobotsTxt.forStatus(200, body: body).allows("/private", userAgent: ours))
        #expect(RobotsTxt.forStatus(200, body: body).allows("/public", userAgent: ours))
        for unavailable in [404, 410, 401, 403, 301] {
            #expect(RobotsTxt.forStatus(unavailable, body: body).allows("/private", userAgent: ours), "\(unavailable)")
        }
        for unreachable in [500, 503, 429, 0] {
            let policy = RobotsTxt.forStatus(unreachable, body: body)
            #expect(!policy.allows("/public", userAgent: ours), "\(unreachable)")
            #expect(policy.allows("/robots.txt", userAgent: ours))
        }
        #expect(RobotsTxt.allowAll.allows("/anything", userAgent: ours))
        #expect(!RobotsTxt.disallowAll.allows("/anything", userAgent: ours))
    }
}
