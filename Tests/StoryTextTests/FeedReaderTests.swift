import Foundation
@testable import StoryText
import TestSupport
import Testing

private func fixture(_ name: String) throws -> [UInt8] {
    try Fixtures.bytes("Tests/StoryTextTests/Fixtures/feeds/" + name)
}

private func read(_ xml: String, url: String = "https://www.example.com/feed.xml") throws(FeedError) -> Feed {
    try FeedReader.read(Array(xml.utf8), url: url)
}

/// The reason `read` gives up on `bytes`, nil when it reads them.
private func failure(_ bytes: [UInt8], url: String = "https://www.example.com/feed.xml") -> String? {
    do throws(FeedError) {
        _ = try FeedReader.read(bytes, url: url)
        return nil
    } catch {
        return error.reason
    }
}

private func seconds(_ date: Date?) -> Int? { date.map { Int($0.timeIntervalSince1970.rounded()) } }

private func rss(_ items: String, namespaces: String = "") -> String {
    #"<?xml version="1.0"?><rss version="2.0"\#(namespaces)><channel><title>T</title>\#(items)</channel></rss>"#
}

/// The three fixtures are what a wire service, a newspaper's CMS and an old RDF feed publish; the
/// links, ids, titles and dates expected of them are feedparser 6.0's reading of the same files,
/// except where noted (feedparser keeps `javascript:` links, repeats and a podcast entry's
/// `tag:` id as a link, which a capture cannot fetch).
@Suite struct FeedReaderTests {
    @Test func aWireServiceRSS2FeedOfTwentyItems() throws {
        let feed = try FeedReader.read(try fixture("wire-rss2.xml"), url: "https://feeds.newswire.example/world.rss")
        #expect(feed.kind == .rss2)
        #expect(feed.title == "Newswire: World News")
        // 20 items: one has no link and a guid that is no permalink, one a javascript: link, one
        // repeats the first item's link.
        #expect(feed.items.count == 17)
        let first = try #require(feed.items.first)
        #expect(first == FeedItem(link: "https://www.newswire.example/world/2021/03/us-china-alaska-talks-idUS2100",
                                  id: "urn:newswire:2021:1000",
                                  title: "US and Chinese officials trade sharp words at Alaska talks",
                                  published: Date(timeIntervalSince1970: 1_616_110_800), updated: nil))
        let links = feed.items.map(\.link)
        #expect(links.contains("https://www.newswire.example/business/ever-given-owner-idUS2110"), "whitespace around a link")
        #expect(links.contains("https://www.newswire.example/markets/stocks-idUS2111?utm_source=rss&utm_medium=feed"), "CDATA")
        #expect(links.contains("https://www.newswire.example/tech/spectrum-idUS2112?section=tech&id=2112"), "&amp;")
        #expect(links.contains("https://feeds.newswire.example/world/asia/sri-lanka-burqa-idUS2117"), "relative to the feed")
        #expect(!links.contains { $0.contains("javascript") || $0.contains("snapshot") })
        let dutch = try #require(feed.items.first { $0.title == "Dutch election: Rutte claims victory" })
        #expect(dutch.link == "https://www.newswire.example/world/dutch-election-idUS2113", "the permalink guid stands in")
        #expect(dutch.id == dutch.link)
        #expect(feed.items.first { $0.title?.hasPrefix("AT&T") == true } != nil)
        #expect(!feed.items.contains { $0.title?.hasPrefix("UPDATE 1") == true }, "the first of a repeated link is kept")
        #expect(feed.items.map { seconds($0.published) } == [
            1_616_110_800, 1_616_004_300, 1_616_992_272, 1_616_813_100, 1_614_283_200, 1_616_757_765, 1_616_788_080,
            1_616_634_600, 1_616_549_400, 1_617_040_920, 1_616_914_800, 1_617_048_600, 1_617_104_700, 1_616_016_600,
            1_615_652_400, 1_616_400_000, nil,
        ])
        #expect(feed.items.allSatisfy { $0.updated == nil })
    }

    @Test func aNewsSiteAtomFeed() throws {
        let feed = try FeedReader.read(try fixture("news-atom.xml"), url: "https://feeds.dailyplanet.example/politics.atom")
        #expect(feed.kind == .atom)
        #expect(feed.title == "The Daily Planet \u{2013} Politics")
        #expect(feed.items.map(\.link) == [
            "https://www.dailyplanet.example/politics/2021/mar/30/minister-resigns-leaked-memo",
            "https://www.dailyplanet.example/politics/2021/mar/29/budget-vote-delayed",
            "https://www.dailyplanet.example/politics/live/2021/mar/29/pmqs-live",
            "https://www.dailyplanet.example/commentisfree/2021/mar/30/why-the-memo-matters",
        ], "self, replies, enclosure, related, JSON and mailto: links are passed over; xml:base applies")
        #expect(feed.items.map(\.id) == ["tag:dailyplanet.example,2021:8841", "tag:dailyplanet.example,2021:8839",
                                         "tag:dailyplanet.example,2021:8838", "tag:dailyplanet.example,2021:8836"])
        #expect(feed.items.map(\.title) == ["Minister resigns over <em>leaked</em> memo", "Budget vote delayed again",
                                            "Live: Prime minister's questions", "Opinion: why the memo matters"])
        #expect(feed.items.map { seconds($0.published) } == [1_617_098_520, 1_617_042_600, nil, 1_617_087_600])
        #expect(feed.items.map { seconds($0.updated) } == [1_617_102_250, 1_617_047_112, 1_617_030_000, 1_617_087_600])
        let fraction = try #require(feed.items.first?.updated).timeIntervalSince1970
        #expect(abs(fraction - 1_617_102_249.512) < 0.001)
    }

    @Test func anRSS1FeedInISO88591() throws {
        let bytes = try fixture("courrier-rss1.rdf")
        #expect(bytes.contains(0xE9), "the fixture is Latin-1: é is one byte")
        let feed = try FeedReader.read(bytes, url: "https://www.lemonde-diplo.example/rss/")
        #expect(feed.kind == .rss1)
        #expect(feed.title == "Le Courrier : Actualit\u{E9}s")
        #expect(feed.items.map(\.link) == ["https://www.lemonde-diplo.example/2021/03/greve-generale",
                                           "https://www.lemonde-diplo.example/2021/03/cafe-des-sports",
                                           "https://www.lemonde-diplo.example/2021/03/elections-regionales"])
        #expect(feed.items.map(\.id) == feed.items.map(\.link), "rdf:about is the id")
        #expect(feed.items.last?.title == "\u{C9}lections r\u{E9}gionales\u{A0}: le calendrier confirm\u{E9}")
        #expect(feed.items.map { seconds($0.updated) } == [1_617_084_900, 1_616_976_000, 1_616_954_400], "dc:date")
        #expect(feed.items.allSatisfy { $0.published == nil })
    }

    @Test func aByteOrderMarkAndUTF16AreRead() throws {
        let xml = rss("<item><title>Caf\u{E9}</title><link>https://www.example.com/a</link></item>")
        let withBOM = try FeedReader.read([0xEF, 0xBB, 0xBF] + Array(xml.utf8), url: "https://www.example.com/feed")
        #expect(withBOM.items.map(\.title) == ["Caf\u{E9}"])
        let body = xml.replacingOccurrences(of: #"<?xml version="1.0"?>"#, with: "")
        let utf16: [UInt8] = [0xFF, 0xFE] + body.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try FeedReader.read(utf16, url: "https://www.example.com/feed").items == withBOM.items)
    }

    @Test func latin1BytesInAFeedThatSaysUTF8AreReadAsWindows1252() throws {
        let head = #"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item><title>Caf"#
        let bytes = Array(head.utf8) + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94]
            + Array("</title><link>https://www.example.com/a</link></item></channel></rss>".utf8)
        #expect(try FeedReader.read(bytes, url: "https://www.example.com/feed").items.map(\.title)
            == ["Caf\u{E9} \u{201C}ok\u{201D}"])
        let alsoBroken = Array(head.utf8) + [0xE9] + Array("</item></channel></rss>".utf8)
        #expect(failure(alsoBroken)?.hasPrefix("malformed XML, line 1: ") == true, "the first error is still the one reported")
    }

    @Test func xmlBaseOnTheChannelAndTheItemResolvesRSSLinks() throws {
        let feed = try read(#"<rss version="2.0" xml:base="https://news.example.org/sections/"><channel>"#
            + #"<item><link>world/a.html</link></item><item xml:base="/archive/2021/"><link>b.html</link></item>"#
            + "<item><link>//cdn.example.org/c</link></item><item><link>mailto:desk@example.org</link></item>"
            + "</channel></rss>")
        #expect(feed.items.map(\.link) == ["https://news.example.org/sections/world/a.html",
                                           "https://news.example.org/archive/2021/b.html", "https://cdn.example.org/c"])
        #expect(feed.title == nil)
    }

    @Test func aGuidStandsInOnlyWhenItIsAnAbsoluteWebPermalink() throws {
        let feed = try read(rss("<item><guid>https://www.example.com/1</guid></item>"
            + #"<item><guid isPermaLink="true">/2</guid></item>"#
            + #"<item><guid isPermaLink="false">https://www.example.com/3</guid></item>"#
            + "<item><guid>urn:uuid:4</guid></item>"
            + "<item><link>javascript:void(0)</link><guid>https://www.example.com/5</guid></item>"))
        #expect(feed.items.map(\.link) == ["https://www.example.com/1", "https://www.example.com/5"])
    }

    @Test func rssDatesInTheirUsualForms() throws {
        let feed = try read(rss(["Tue, 10 Mar 2021 14:05:00 GMT", "Tue, 10 Mar 2021 14:05:00 +0000",
                                 "Tue, 10 Mar 2021 09:05:00 EST", "10 March 2021 15:05 +01:00", "Wed, 10 Mar 2021 14:05:00 UT",
                                 "2021-03-10T14:05:00Z", "Tue, 31 Feb 2021 14:05:00 GMT", "10/03/2021"]
            .enumerated().map { "<item><link>https://www.example.com/\($0.offset)</link><pubDate>\($0.element)</pubDate></item>" }
            .joined()))
        #expect(feed.items.map { seconds($0.published) } == [1_615_385_100, 1_615_385_100, 1_615_385_100, 1_615_385_100,
                                                            1_615_385_100, 1_615_385_100, nil, nil])
    }

    @Test func atomDatesWithoutSecondsOrZonesAndAtom03() throws {
        #expect(seconds(FeedDates.parse("2021-03-10T14:05Z")) == 1_615_385_100)
        #expect(seconds(FeedDates.parse("2021-03-10t09:05:00-05:00")) == 1_615_385_100)
        #expect(seconds(FeedDates.parse("2021-03-10T14:05:00")) == 1_615_385_100, "no zone is UTC, as in feedparser")
        #expect(seconds(FeedDates.parse(" 2021-03-10 ")) == 1_615_334_400)
        #expect(seconds(FeedDates.parse("2024-02-29T00:00:00Z")) == 1_709_164_800)
        #expect(FeedDates.parse("2021-02-29T00:00:00Z") == nil)
        #expect(FeedDates.parse("2021-03-10T25:00:00Z") == nil)
        let feed = try read(#"<feed xmlns="http://purl.org/atom/ns#" version="0.3"><title>Old</title><entry>"#
            + #"<link rel="alternate" type="text/html" href="https://www.example.com/old"/><id>tag:x,2004:1</id>"#
            + "<issued>2004-05-01T10:00:00Z</issued><modified>2004-05-02T10:00:00Z</modified></entry></feed>")
        #expect(feed.kind == .atom)
        #expect(feed.items.map { [seconds($0.published), seconds($0.updated)] } == [[1_083_405_600, 1_083_492_000]])
    }

    @Test func anUndeclaredDublinCorePrefixIsStillRead() throws {
        let feed = try read(rss("<item><link>https://www.example.com/a</link><dc:date>2021-03-10T14:05:00Z</dc:date></item>"))
        #expect(feed.items.map { seconds($0.updated) } == [1_615_385_100])
    }

    @Test func anHTMLPageOrOtherXMLIsNotAFeed() {
        let sloppy = "<!DOCTYPE html><html><head><meta charset=utf-8><title>News</title></head><body><p>Hi<br></body></html>"
        #expect(failure(Array(sloppy.utf8)) == "not an RSS or Atom feed (root element <html>)")
        let xhtml = #"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>"#
        #expect(failure(Array(xhtml.utf8)) == "not an RSS or Atom feed (root element <html>)")
        let sitemap = #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>"#
        #expect(failure(Array(sitemap.utf8)) == "not an RSS or Atom feed (root element <urlset>)")
        let rdf = #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>"#
        #expect(failure(Array(rdf.utf8)) == "not an RSS or Atom feed (root element <rdf:RDF>)")
        let atomEntry = #"<entry xmlns="http://www.w3.org/2005/Atom"><id>x</id></entry>"#
        #expect(failure(Array(atomEntry.utf8)) == "not an RSS or Atom feed (root element <entry>)")
    }

    @Test func malformedXMLGivesLibxml2sFirstError() {
        let broken = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item><title>A</item>\n</channel></rss>"
        let reason = failure(Array(broken.utf8))
        #expect(reason?.hasPrefix("malformed XML, line 3: Opening and ending tag mismatch: title") == true, "\(reason ?? "")")
        #expect(reason?.contains("\n") == false)
        #expect(failure([]) == "malformed XML: the document is empty")
        let truncated = rss("<item><link>https://www.example.com/a</link></item>").dropLast(20)
        #expect(failure(Array(truncated.utf8))?.hasPrefix("malformed XML, line 1: ") == true)
    }

    @Test func aBillionLaughsEndsQuicklyAndSmall() {
        var dtd = #"<!DOCTYPE rss [<!ENTITY lol0 "lollollollollollollollollollol">"#
        for level in 1...9 { dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        let xml = #"<?xml version="1.0"?>"# + dtd + "]>"
            + rss("<item><title>&lol9;</title><link>https://www.example.com/a</link></item>").dropFirst(21)
        let clock = ContinuousClock()
        var outcome: Result<Feed, FeedError>!
        let elapsed = clock.measure { outcome = Result { () throws(FeedError) in try FeedReader.read(Array(xml.utf8), url: "https://www.example.com/") } }
        #expect(elapsed < .seconds(2))
        switch outcome {
        case .success(let feed): #expect((feed.items.first?.title?.utf8.count ?? 0) <= FeedReader.entityBudget)
        case .failure(let error): #expect(error.reason.hasPrefix("malformed XML"))
        case nil: Issue.record("no outcome")
        }
    }

    /// One 50 kB entity referenced 2,000 times would be 100 MB of title; libxml2 lets it through,
    /// and the reader stops at its budget.
    @Test func aQuadraticBlowupIsCutAtTheEntityBudget() throws {
        let big = String(repeating: "abcdefghij", count: 5000)
        let xml = #"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "\#(big)">]><rss version="2.0"><channel><item><title>"#
            + String(repeating: "&big;", count: 2000) + "</title><link>https://www.example.com/a</link></item></channel></rss>"
        let clock = ContinuousClock()
        var feed: Feed?
        let elapsed = try clock.measure { feed = try read(xml) }
        #expect(elapsed < .seconds(2))
        let length = try #require(feed?.items.first?.title).utf8.count
        #expect(length > 1000 && length <= 1 << 20, "1 MiB of entity text per feed")
    }

    @Test func externalEntitiesAreNeverLoadedAndInternalOnesAreRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("feed-secret-\(getpid()).txt")
        try "TOP SECRET".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = #"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "\#(secret.absoluteString)">"#
            + #"<!ENTITY paper "Daily Planet">]><rss version="2.0"><channel><title>&paper; news &xxe;</title>"#
            + "<item><title>&xxe;</title><link>https://www.example.com/a</link></item></channel></rss>"
        let feed = try read(xml)
        #expect(feed.title == "Daily Planet news")
        #expect(feed.items.map(\.title) == [nil])
    }
}
