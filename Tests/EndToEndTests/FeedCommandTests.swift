import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `feed` and the feeds of `site`: Atom documents parsed back as XML (FoundationXML's
/// XMLDocument, libxml2 underneath) with the expected entries; the seed chain's feed byte for
/// byte against Expected/; a 40-version story; story text full of markup and emoji.
@Suite struct FeedCommandTests {
    static let story = "us-china-alaska-talks"

    @Test(arguments: [
        ([story], "feed-seed.xml"),
        ([story, "--undeclared-only", "--base-url", "https://news.example.org/archive/"], "feed-seed-undeclared.xml"),
    ])
    func seedChainFeedMatchesExpected(arguments: [String], expected: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["feed"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try expectMatches(result.stdout, expected: expected)
    }

    @Test func seedChainFeedIsAtomWithAnEntryPerVersionNewestFirst() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["feed", Self.story])
        let feed = try ParsedFeed(result.stdout)
        #expect(feed.id == "tag:writethru@localhost,2021-03-11:us-china-alaska-talks/7ffba915f0f3")
        #expect(feed.title == "Top U.S., China diplomats to hold first in-person talks of Biden presidency")
        #expect(feed.updated == "2021-03-11T18:18:00Z")
        #expect(feed.author == "Writethru")
        #expect(feed.links.isEmpty, "no --base-url, no links")
        #expect(feed.entries.map(\.id) == (1...5).reversed().map { "\(feed.id)/\($0)" })
        #expect(feed.entries.map(\.updated) == ["2021-03-11T18:18:00Z", "2021-03-11T13:37:00Z", "2021-03-11T10:02:00Z",
                                                "2021-03-11T07:41:00Z", "2021-03-11T06:06:00Z"])
        #expect(feed.entries.map(\.published) == feed.entries.map(\.updated))
        #expect(feed.entries.last?.title == "v1: Top U.S., China diplomats to meet in Alaska next week")
        #expect(feed.entries.allSatisfy { $0.title.count <= 140 })
        // UPDATE 2 changed the meeting's date without saying so.
        let update2 = try #require(feed.entries.first { $0.id.hasSuffix("/3") })
        #expect(update2.title.hasPrefix("UPDATE 2: March 19 → March 18"))
        #expect(update2.title.hasSuffix("1 undeclared"))
        #expect(update2.content.contains("(Adds Blinken comments to Congress, background)"))
        #expect(update2.content.contains("Not in the advisory: ¶1 Date changed: March 19 → March 18"))
        // In words, not the machine names JSON keeps.
        #expect(!update2.content.contains("date-changed"))
        #expect(update2.contentXML.contains("<del>meet </del>"), "the headline's word diff: \(update2.contentXML)")
        #expect(update2.contentXML.hasPrefix("<div xmlns=\"http://www.w3.org/1999/xhtml\">"))
    }

    @Test func undeclaredOnlyKeepsTheUpdatesWithFindings() throws {
        let workspace = try Workspace.withSeedChain()
        let audit = try workspace.writethru(["audit", Self.story, "--format", "json"])
        let versions = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])["versions"] as? [[String: Any]]
        let withFindings = try #require(versions).filter { version in
            let notFound = (version["items"] as? [[String: Any]] ?? []).contains { $0["status"] as? String != "found" }
            return notFound || !(version["undeclared"] as? [Any] ?? []).isEmpty || !(version["flags"] as? [Any] ?? []).isEmpty
        }.compactMap { $0["number"] as? Int }
        #expect(!withFindings.isEmpty)
        let feed = try ParsedFeed(try workspace.writethru(["feed", Self.story, "--undeclared-only"]).stdout)
        #expect(feed.id.hasSuffix("/7ffba915f0f3/undeclared"))
        #expect(feed.entries.map(\.id) == withFindings.reversed().map { "tag:writethru@localhost,2021-03-11:us-china-alaska-talks/7ffba915f0f3/\($0)" })
        #expect(feed.entries.allSatisfy { entry in
            ["Not in the advisory: ", "Advisory item not found: ", "Flag: "].contains { entry.content.contains($0) }
        })
    }

    @Test func baseURLGivesAbsoluteLinksToTheReports() throws {
        let workspace = try Workspace.withSeedChain()
        let feed = try ParsedFeed(try workspace.writethru(["feed", Self.story, "--base-url", "https://news.example.org/site"]).stdout)
        #expect(feed.links["self"] == "https://news.example.org/site/stories/us-china-alaska-talks.xml")
        #expect(feed.links["alternate"] == "https://news.example.org/site/stories/us-china-alaska-talks.html")
        #expect(feed.entries.map(\.link) == (1...5).reversed().map { "https://news.example.org/site/stories/us-china-alaska-talks.html#v\($0)" })
        let archive = try ParsedFeed(try workspace.writethru(["feed", "--base-url", "https://news.example.org/site"]).stdout)
        #expect(archive.links["self"] == "https://news.example.org/site/feed.xml")
        #expect(archive.links["alternate"] == "https://news.example.org/site/index.html")
    }

    @Test func outputFileIsWrittenWholeAndSaysSo() throws {
        let workspace = try Workspace.withSeedChain()
        let path = workspace.directory + "/story.xml"
        let result = try workspace.writethru(["feed", Self.story, "-o", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("wrote \(path) ("))
        #expect(result.stderr.hasSuffix(" bytes, 5 entries)\n"))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (try workspace.writethru(["feed", Self.story])).stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        let missing = try workspace.writethru(["feed", Self.story, "-o", workspace.directory + "/no/such/dir/feed.xml"])
        #expect(missing.status == 73)
        #expect(missing.stderr.hasPrefix("writethru: error: "))
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (["feed", "no-such-story"], Int32(67)),
        (["feed", "../etc"], Int32(64)),
        (["feed", story, "--limit", "0"], Int32(64)),
        (["feed", story, "--base-url", "ftp://example.org"], Int32(64)),
        (["feed", story, "--base-url", "https://exa mple.org"], Int32(64)),
    ])
    func badRequestsExitWithOneLine(arguments: [String], status: Int32) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("writethru: error: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func unknownStoryNamesIt() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["feed", "no-such-story"])
        #expect(result.stderr == "writethru: error: no story 'no-such-story' in the archive\n")
    }

    @Test func fortyVersionStoryGivesFortyStableEntries() throws {
        let first = try Self.fortyVersionArchive()
        let second = try Self.fortyVersionArchive()
        let xml = try first.writethru(["feed", "valencia-floods"]).stdout
        // Another archive recording the same inputs at the same time gives the same feed.
        #expect(xml == (try second.writethru(["feed", "valencia-floods"])).stdout)
        let feed = try ParsedFeed(xml)
        #expect(feed.entries.count == 40)
        #expect(Set(feed.entries.map(\.id)).count == 40)
        #expect(feed.entries.map(\.updated) == feed.entries.map(\.updated).sorted(by: >))
        #expect(feed.updated == feed.entries.first?.updated)
        #expect(feed.updated == "2024-10-30T07:30:00Z")
        // The toll rises by three an update; every seventh advisory forgets to say so.
        let update7 = try #require(feed.entries.first { $0.id.hasSuffix("/8") })
        #expect(update7.title.hasPrefix("UPDATE 7: 30 → 33"), "\(update7.title)")
        #expect(update7.title.hasSuffix("1 undeclared"), "\(update7.title)")
        #expect(update7.content.contains("(Adds quote from resident)"))
        let update3 = try #require(feed.entries.first { $0.id.hasSuffix("/4") })
        #expect(update3.title.hasPrefix("UPDATE 3: 18 → 21"), "\(update3.title)")
        #expect(update3.content.contains("¶3 New claim: “The water rose"), "\(update3.content)")
        #expect(!update3.content.contains("““"))
        #expect(update3.content.contains("2 of 2 advisory items found"))
        #expect(!update3.title.contains("undeclared"))
        // --limit keeps the newest; --undeclared-only the forgetful updates.
        let limited = try ParsedFeed(try first.writethru(["feed", "valencia-floods", "--limit", "10"]).stdout)
        #expect(limited.entries.map(\.id) == Array(feed.entries.prefix(10).map(\.id)))
        let undeclared = try ParsedFeed(try first.writethru(["feed", "valencia-floods", "--undeclared-only"]).stdout)
        #expect(undeclared.entries.map(\.id) == [36, 29, 22, 15, 8].map { "\(feed.id)/\($0)" })
    }

    @Test func archiveFeedMixesStoriesNewestFirst() throws {
        let workspace = try Workspace.withSeedChain()
        let floods = Self.floodChain(versions: 4, in: workspace)
        #expect(try workspace.writethru(["record", "--story", "valencia-floods"] + floods).status == 0)
        let xml = try workspace.writethru(["feed"]).stdout
        let feed = try ParsedFeed(xml)
        #expect(feed.entries.count == 9)
        #expect(feed.entries.prefix(4).allSatisfy { $0.id.contains(":valencia-floods/") }, "the floods are the newer story")
        #expect(feed.entries.map(\.updated) == feed.entries.map(\.updated).sorted(by: >))
        #expect(feed.id.hasPrefix("tag:writethru@localhost,"))
        #expect(feed.id.contains(":archive/"))
        #expect(feed.updated == "2024-10-29T13:30:00Z")
        #expect(feed.entries.compactMap(\.category) == feed.entries.map { $0.id.contains("valencia") ? "valencia-floods" : Self.story })
        #expect(xml == (try workspace.writethru(["feed"])).stdout, "the same archive gives the same bytes")
        let limited = try ParsedFeed(try workspace.writethru(["feed", "--limit", "3"]).stdout)
        #expect(limited.entries.map(\.id) == Array(feed.entries.prefix(3).map(\.id)))
        let undeclared = try ParsedFeed(try workspace.writethru(["feed", "--undeclared-only"]).stdout)
        #expect(undeclared.id == feed.id + "/undeclared")
        #expect(!undeclared.entries.isEmpty)
        #expect(undeclared.entries.allSatisfy { $0.id.contains(":\(Self.story)/") }, "the four flood updates declare their changes")
    }

    /// The undeclared feed passes over stories of one version (they have no audit) without
    /// reading them, and gives what reading them would: the seed chain's one finding, and for
    /// an archive of first versions only no entry, dated by its newest version.
    @Test func undeclaredFeedOfFirstVersions() throws {
        let workspace = try Workspace.withSeedChain()
        let before = try ParsedFeed(try workspace.writethru(["feed", "--undeclared-only"]).stdout)
        for (n, time) in ["2024-05-01T08:00:00Z", "2024-05-02T09:30:00Z"].enumerated() {
            let file = workspace.write("brief-\(n).txt", Array("""
                Council approves budget \(n)

                The city council approved a budget of $\(n + 2) million on Monday.

                """.utf8))
            #expect(try workspace.writethru(["record", "--story", "brief-\(n)", "--at", time, file]).status == 0)
        }
        let after = try ParsedFeed(try workspace.writethru(["feed", "--undeclared-only"]).stdout)
        #expect(after.entries.map(\.id) == before.entries.map(\.id))
        #expect(after.entries.count == 1)
        #expect(after.updated == "2021-03-11T10:02:00Z")
        let latest = try ParsedFeed(try workspace.writethru(["feed", "--limit", "2"]).stdout)
        #expect(latest.entries.map(\.category) == ["brief-1", "brief-0"])

        let briefs = try Workspace()
        #expect(try briefs.writethru(["init"]).status == 0)
        let file = briefs.write("brief.txt", Array("Council approves budget\n\nThe council approved it on Monday.\n".utf8))
        #expect(try briefs.writethru(["record", "--story", "brief", "--at", "2024-05-02T09:30:00Z", file]).status == 0)
        let empty = try ParsedFeed(try briefs.writethru(["feed", "--undeclared-only"]).stdout)
        #expect(empty.entries.isEmpty)
        #expect(empty.updated == "2024-05-02T09:30:00Z")
    }

    @Test func markupAndEmojiInStoryTextAreEscaped() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let headline = "Q&A: <b>Storm</b> \"Ida\" ]]> hits Café 🌀"
        let quote = "“Water came in <fast> & high ]]> like nothing before 😱,” said María."
        let v1 = workspace.write("v1.txt", Array("""
            \(headline)

            Updated 29/08/2021, 10:00 am

            NEW ORLEANS, Aug 29 (Reuters) - Storm Ida made landfall in Louisiana on Sunday with winds of 150 mph.

            Officials said 1 million homes had lost power.

            """.utf8))
        let v2 = workspace.write("v2.txt", Array("""
            UPDATE 1-\(headline) & more

            Updated 29/08/2021, 1:00 pm

            (Adds quote <resident> & power figure)

            NEW ORLEANS, Aug 29 (Reuters) - Storm Ida made landfall in Louisiana on Sunday with winds of 150 mph.

            Officials said 2 million homes had lost power.

            \(quote)

            """.utf8))
        let record = try workspace.writethru(["record", "--story", "ida", v1, v2])
        #expect(record.status == 0, "\(record.stderr)")
        let xml = try workspace.writethru(["feed", "ida"]).stdout
        for raw in ["<b>", "<fast>", "<resident>", "]]>", "& "] { #expect(!xml.contains(raw), "unescaped \(raw)") }
        #expect(xml.contains("Q&amp;A: &lt;b&gt;Storm&lt;/b&gt; &quot;Ida&quot; ]]&gt; hits Café 🌀"))
        let feed = try ParsedFeed(xml)
        #expect(feed.title == headline + " & more")
        #expect(feed.entries.last?.title == "v1: " + headline)
        #expect(feed.entries.first?.content.contains("(Adds quote <resident> & power figure)") == true)
        #expect(feed.entries.first?.content.contains("😱") == true, "\(feed.entries.first?.content ?? "")")
        #expect(feed.entries.first?.content.contains("Figure changed: 1 million homes → 2 million homes") == true, "\(feed.entries.first?.content ?? "")")
    }

    @Test func charactersXMLForbidsBecomeReplacementCharacters() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        // The readers drop C0 controls; U+FFFF, which XML 1.0 forbids too, reaches the headline.
        let input = workspace.write("storm.json", Array(#"""
            {"headline": "Storm hits coast \uFFFF", "body": "NEW ORLEANS (Reuters) - Storm Ida made landfall on Sunday.",
             "updated": "2021-08-29T10:00:00Z"}
            """#.replacingOccurrences(of: "\n ", with: " ").utf8))
        let record = try workspace.writethru(["record", "--story", "storm", input])
        #expect(record.status == 0, "\(record.stderr)")
        let xml = try workspace.writethru(["feed", "storm"]).stdout
        #expect(!xml.unicodeScalars.contains("\u{FFFF}"))
        let feed = try ParsedFeed(xml)
        #expect(feed.title == "Storm hits coast \u{FFFD}")
    }

    @Test func siteWritesAFeedPerStoryAndTwoForTheArchive() throws {
        let workspace = try Workspace.withSeedChain()
        #expect(try workspace.writethru(["record", "--story", "valencia-floods"] + Self.floodChain(versions: 3, in: workspace)).status == 0)
        let site = workspace.directory + "/site"
        let result = try workspace.writethru(["site", site])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nwrote \(site)/feed.xml, \(site)/undeclared.xml and 2 story feeds, "))
        let story = try ParsedFeed(String(contentsOfFile: site + "/stories/\(Self.story).xml", encoding: .utf8))
        #expect(story.id == "tag:writethru@localhost,2021-03-11:us-china-alaska-talks/7ffba915f0f3")
        #expect(story.links["self"] == "us-china-alaska-talks.xml")
        #expect(story.links["alternate"] == "us-china-alaska-talks.html")
        #expect(story.entries.first?.link == "us-china-alaska-talks.html#v5")
        // The story's feed in the site is the one `feed --base-url` gives, but for the links.
        let alone = try ParsedFeed(try workspace.writethru(["feed", Self.story]).stdout)
        #expect(story.entries.map(\.id) == alone.entries.map(\.id))
        #expect(story.entries.map(\.title) == alone.entries.map(\.title))
        let archive = try ParsedFeed(String(contentsOfFile: site + "/feed.xml", encoding: .utf8))
        #expect(archive.entries.count == 8)
        #expect(archive.links["self"] == "feed.xml")
        #expect(archive.entries.first?.link == "stories/valencia-floods.html#v3")
        #expect(archive.entries.map(\.id) == (try ParsedFeed(try workspace.writethru(["feed"]).stdout)).entries.map(\.id))
        let undeclared = try ParsedFeed(String(contentsOfFile: site + "/undeclared.xml", encoding: .utf8))
        #expect(undeclared.entries.map(\.id) == (try ParsedFeed(try workspace.writethru(["feed", "--undeclared-only"]).stdout)).entries.map(\.id))
        // Every link points at a page the site holds.
        for link in story.entries.compactMap(\.link) {
            let page = link.split(separator: "#")[0]
            #expect(FileManager.default.fileExists(atPath: site + "/stories/" + page))
        }
        let absolute = try workspace.writethru(["site", site, "--base-url", "https://news.example.org"])
        #expect(absolute.status == 0)
        let served = try ParsedFeed(String(contentsOfFile: site + "/undeclared.xml", encoding: .utf8))
        #expect(served.links["self"] == "https://news.example.org/undeclared.xml")
        #expect(served.entries.first?.link?.hasPrefix("https://news.example.org/stories/us-china-alaska-talks.html#v") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site + "/stories").filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        let bad = try workspace.writethru(["site", site, "--base-url", "news.example.org"])
        #expect(bad.status == 64)
    }

    // MARK: - Chains

    /// A flood story of `versions` versions, one text file each, half an hour apart from
    /// 2024-10-29T12:00:00Z: the death toll rises by three an update, a resident's quote is
    /// added every third update, the headline's rounder toll changes every fifth, and every
    /// seventh advisory line names only the quote it adds, not the new toll.
    static func floodChain(versions: Int, in workspace: Workspace) -> [String] {
        let start = Date(timeIntervalSince1970: 1_730_203_200)  // 2024-10-29T12:00:00Z
        var quotes: [String] = []
        var files: [String] = []
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "dd/MM/yyyy, h:mm a"
        let towns = ["Paiporta", "Chiva", "Utiel", "Letur", "Alfafar", "Sedaví", "Catarroja"]
        for number in 1...versions {
            let toll = 12 + 3 * (number - 1)
            var advisory: String?
            if number > 1 {
                if number % 3 == 1 || number % 7 == 1 {
                    quotes.append("“The water rose to the second floor in minutes,” said a resident of \(towns[quotes.count % towns.count]), "
                        + "who gave her name as Carmen \(quotes.count + 1).")
                }
                advisory = number % 7 == 1 ? "(Adds quote from resident)"
                    : number % 3 == 1 ? "(Updates death toll, adds quote from resident)" : "(Updates death toll)"
            }
            let headline = "Floods in eastern Spain kill at least \(12 + 15 * ((number - 1) / 5))"
            var text = (number == 1 ? "" : "UPDATE \(number - 1)-") + headline + "\n\n"
            text += "Updated " + formatter.string(from: start.addingTimeInterval(Double(number - 1) * 1800)).lowercased() + "\n\n"
            if let advisory { text += advisory + "\n\n" }
            text += "VALENCIA, Spain, Oct 29 (Reuters) - The death toll from flash floods in the eastern Spanish region of "
                + "Valencia rose to \(toll), emergency services said, after torrential rain swept away cars and flooded homes.\n\n"
            text += "The state weather agency AEMET kept its highest alert level for the coast south of Valencia city.\n\n"
            for quote in quotes { text += quote + "\n\n" }
            files.append(workspace.write(String(format: "flood-%02d.txt", number), Array(text.utf8)))
        }
        return files
    }

    static func fortyVersionArchive() throws -> Workspace {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let record = try workspace.writethru(["record", "--story", "valencia-floods"] + floodChain(versions: 40, in: workspace))
        #expect(record.status == 0, "\(record.stderr)")
        return workspace
    }
}

/// An Atom feed read back with an XML parser: every element the tests look at.
struct ParsedFeed {
    struct Entry {
        let id: String, title: String, updated: String, published: String
        let link: String?
        let category: String?
        /// The content's text, and its XHTML as written.
        let content: String, contentXML: String
    }

    static let atom = "http://www.w3.org/2005/Atom"
    let id: String, title: String, updated: String, author: String
    /// `rel` -> `href`.
    let links: [String: String]
    let entries: [Entry]

    init(_ xml: String) throws {
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let feed = try #require(document.rootElement())
        #expect(feed.localName == "feed" && feed.uri == Self.atom)
        func text(_ element: XMLElement, _ name: String) -> String {
            let found = element.elements(forLocalName: name, uri: Self.atom)
            #expect(found.count == 1, "one <\(name)> expected, \(found.count) found")
            return found.first?.stringValue ?? ""
        }
        // FoundationXML on Linux gave nil from attribute(forName:) for these attributes; the list has them.
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            element.attributes?.first { $0.name == name }?.stringValue
        }
        func links(_ element: XMLElement) -> [String: String] {
            var links: [String: String] = [:]
            for link in element.elements(forLocalName: "link", uri: Self.atom) {
                let rel = attribute(link, "rel") ?? "alternate"
                #expect(links[rel] == nil, "two links rel=\(rel)")
                links[rel] = attribute(link, "href")
            }
            return links
        }
        id = text(feed, "id")
        title = text(feed, "title")
        updated = text(feed, "updated")
        author = feed.elements(forLocalName: "author", uri: Self.atom).first
            .map { text($0, "name") } ?? ""
        self.links = links(feed)
        entries = feed.elements(forLocalName: "entry", uri: Self.atom).map { entry in
            let content = entry.elements(forLocalName: "content", uri: Self.atom).first
            #expect(content.flatMap { attribute($0, "type") } == "xhtml")
            let div = content?.children?.compactMap { $0 as? XMLElement }.first
            #expect(div?.localName == "div" && div?.uri == "http://www.w3.org/1999/xhtml")
            return Entry(id: text(entry, "id"), title: text(entry, "title"), updated: text(entry, "updated"),
                         published: text(entry, "published"), link: links(entry)["alternate"],
                         category: entry.elements(forLocalName: "category", uri: Self.atom).first
                            .flatMap { attribute($0, "term") },
                         content: div?.stringValue ?? "", contentXML: div?.xmlString ?? "")
        }
    }
}
