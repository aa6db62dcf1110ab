import Foundation
import StoryDiff
import TestSupport
import Testing
import Writethru
import WritethruRender

/// The HTML report read as a standards editor reads it (issue 18, "the report reads calmly"):
/// unchanged paragraphs folded, words instead of machine names, no doubled quotation marks,
/// snippets cut at words, times in the story's zone, and every pair of a long story held exactly.
@Suite struct ReportPageTests {
    static let story = "us-china-alaska-talks"

    /// The report of the seed chain, once for the tests that only read it.
    static func seedReport() throws -> String {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["report", story, "-o", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The article of one pair, as the page holds it inline (the steps).
    static func article(_ html: String, _ id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func runsOfUnchangedParagraphsAreFoldedAndChangesAlwaysShown() throws {
        let html = try Self.seedReport()
        let latest = try #require(Self.article(html, "pair-4-5"))
        // UPDATE 3 -> UPDATE 4: ¶1-¶5 unchanged, then a change; ¶1-¶4 fold, ¶5 stays as context.
        #expect(latest.contains("<details class=\"same\"><summary>4 unchanged paragraphs</summary>\n"
            + "<div class=\"op unchanged\"><div class=\"where\">¶1</div>"))
        #expect(latest.contains("</details>\n<div class=\"op unchanged\"><div class=\"where\">¶5</div>"))
        // Every operation that is not unchanged is outside any fold.
        let folds = latest.components(separatedBy: "<details class=\"same\">").dropFirst()
            .map { $0.components(separatedBy: "</details>")[0] }
        for fold in folds {
            for kind in ["changed", "added", "removed", "moved", "moved-and-changed", "split", "merged"] {
                #expect(!fold.contains("<div class=\"op \(kind)\">"), "a \(kind) paragraph is folded away")
            }
        }
        for kind in ["Changed · ¶6 → ¶6", "Added · ¶7", "Merged · ¶8+9 → ¶9"] {
            #expect(latest.contains("<div class=\"where\">\(kind)</div>"), "\(kind) is not shown")
        }
        // The fold opens to the paragraphs themselves: the text is there without JavaScript.
        #expect(latest.contains("U.S. Secretary of State Antony Blinken will meet with top Chinese officials on March 18"))
        // Two unchanged paragraphs in a row are not worth a fold.
        #expect(!html.contains("<summary>2 unchanged paragraphs</summary>"))
        #expect(!html.contains("<summary>1 unchanged paragraph</summary>"))
    }

    @Test func claimChangesAndParagraphsAreNamedInWords() throws {
        let html = try Self.seedReport()
        for label in ["<span class=\"kind\">Figure changed</span> <span class=\"para\">¶13</span> "
                        + "as many as 1 million Uighurs → more than a million Uighurs</li>",
                      "<li class=\"substantive\" title=\"Substantive\"><span class=\"kind\">Figure changed</span>",
                      "<span class=\"kind\">Attribution wording changed</span> <span class=\"para\">¶6</span> said → confirmed, certainty up",
                      "<span class=\"kind\">Hedge removed</span> <span class=\"para\">¶6</span> would",
                      "<span class=\"kind\">Date changed</span>", "<span class=\"kind\">New claim</span>",
                      "<span class=\"kind\">Reworded</span> <span class=\"para\">¶9</span> no claim changed <span class=\"sig\">style</span>",
                      "Not in the advisory: <span class=\"kind\">Date changed</span> <span class=\"para\">¶1</span> March 19 → March 18",
                      "Advisory: 2 of 2 items found",
                      "Paragraphs: <span class=\"s-added\">1 added</span>, <span class=\"s-changed\">1 changed</span>, "
                        + "<span class=\"s-split\">3 merged</span> · Claims: 1 added, 5 changed",
                      "<p class=\"stat\">Paragraphs: 1 added, 1 changed, 3 merged</p>"] {
            #expect(html.contains(label), "the report lacks \(label)")
        }
        // No machine name of a claim kind, and no "->", is left for a reader to decode.
        for kind in ClaimChange.Kind.allCases where kind.rawValue.contains("-") {
            #expect(!html.contains(kind.rawValue), "the report shows \(kind.rawValue)")
        }
        #expect(!html.contains("-&gt;"))
        #expect(!html.contains("UNDECLARED"))
    }

    @Test func everyClaimKindAndSignificanceHasAWordingOfItsOwn() {
        var labels = Set<String>()
        for kind in ClaimChange.Kind.allCases {
            #expect(!kind.label.isEmpty)
            #expect(kind.label != kind.rawValue, "\(kind) has no label of its own")
            #expect(!kind.label.contains("-"), "\(kind.label) reads as a machine name")
            labels.insert(kind.label)
        }
        #expect(labels.count == ClaimChange.Kind.allCases.count, "two kinds share a label")
        let significances: [ClaimChange.Significance] = [.cosmetic, .style, .substantive]
        #expect(significances.map(\.label) == ["Cosmetic", "Style", "Substantive"])
    }

    @Test func aQuotedSentenceIsNotQuotedAgain() throws {
        let workspace = try Workspace.withSeedChain()
        let html = try workspace.writethru(["report", Self.story, "-o", "-"]).stdout
        let text = try workspace.writethru(["timeline", Self.story]).stdout
        // ¶4 of UPDATE 1 opens with Psaki's quotation: it keeps its own mark, and gets no “ ”.
        #expect(html.contains("¶4</span> &quot;It was important to us that this administration&#39;s first meeting"))
        #expect(text.contains("¶4 added: \"It was important to us that this administration's first meeting"))
        for doubled in ["“&quot;", "&quot;”", "“\"", "\"”", "““", "””", "“‘", "’”"] {
            #expect(!html.contains(doubled), "the report doubles quotation marks: \(doubled)")
            #expect(!text.contains(doubled), "the timeline doubles quotation marks: \(doubled)")
        }
        // A sentence without marks of its own is still quoted.
        #expect(html.contains("¶6</span> “China&#39;s foreign ministry on Thursday said the meeting would go ahead.”"))
    }

    @Test func snippetsAreCutAtWordBoundaries() throws {
        let workspace = try Workspace.withSeedChain()
        let html = try workspace.writethru(["report", Self.story, "-o", "-"]).stdout
        var sentences: [String] = []
        for (from, to) in [(1, 2), (2, 3), (3, 4), (4, 5)] {
            let json = try workspace.writethru(["claims", Self.story, "\(from)", "\(to)", "--format", "json"]).stdout
            struct Claims: Decodable { struct Change: Decodable { let old: String?; let new: String? }; let changes: [Change] }
            let claims = try JSONDecoder().decode(Claims.self, from: Data(json.utf8))
            sentences += claims.changes.flatMap { [$0.old, $0.new].compactMap { $0 } }
        }
        let unescaped = html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        // Each snippet that ends in "…" is a sentence's opening words: the next character of the
        // sentence, after the words kept and any punctuation dropped, is a space.
        let snippets = unescaped.components(separatedBy: "</span> ").dropFirst().compactMap { piece -> String? in
            guard let cut = piece.range(of: "…") else { return nil }
            let snippet = String(piece[..<cut.lowerBound])
            guard !snippet.contains("<") else { return nil }
            return snippet.hasPrefix("“") ? String(snippet.dropFirst()) : snippet
        }
        #expect(snippets.count >= 8, "found \(snippets.count) cut snippets")
        for snippet in snippets {
            let sentence = sentences.first { $0.hasPrefix(snippet) }
            #expect(sentence != nil, "no sentence begins with \(snippet)")
            guard let sentence else { continue }
            let rest = sentence.dropFirst(snippet.count).drop { ",.;:".contains($0) }
            #expect(rest.first == " ", "\(snippet)… cuts a word of: \(sentence)")
            #expect(snippet.count <= 90)
        }
        #expect(html.contains("“National security adviser Jake Sullivan will join the meeting in Anchorage with China&#39;s…”"))
    }

    /// Wire copy and JSON state their zone too: "Published 26/09/2024, 08:05 am EDT" and a JSON
    /// `published` with an offset keep it beside the instant, so their reports show local
    /// times. Before, only HTML pages kept it, and the numeric line with a zone stayed in the
    /// story's text.
    @Test func textAndJSONKeepTheirStatedZone() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let text = workspace.write("storm.txt", Array("""
            Storm hits Florida coast

            Published 26/09/2024, 08:05 am EDT
            Updated 26/09/2024, 10:40 am EDT

            MIAMI, Sept 26 (Reuters) - A hurricane hit the Florida coast on Thursday, officials said.

            """.utf8))
        let recorded = try workspace.writethru(["record", "--story", "storm", text])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let parsed = try workspace.writethru(["parse", text, "--format", "json"]).stdout
        #expect(parsed.contains("\"published\": \"2024-09-26T08:05:00-04:00\""))
        #expect(!(try workspace.writethru(["show", "storm"]).stdout.contains("Published")))
        let report = try workspace.writethru(["report", "storm", "-o", "-"]).stdout
        #expect(report.contains("<time datetime=\"2024-09-26T14:40:00Z\" title=\"2024-09-26 14:40 UTC\">26 Sep 2024, 10:40 -04:00</time>"))

        let json = workspace.write("quake.json", Array("""
            {"headline": "Quake shakes Tokyo", "published": "2024-09-27T09:00:00+09:00", "updated": "2024-09-27T11:30:00+09:00", "body": "TOKYO (Reuters) - A strong earthquake shook Tokyo on Friday, the weather agency said."}

            """.utf8))
        #expect(try workspace.writethru(["record", "--story", "quake", json]).status == 0)
        let quake = try workspace.writethru(["report", "quake", "-o", "-"]).stdout
        #expect(quake.contains("<time datetime=\"2024-09-27T02:30:00Z\" title=\"2024-09-27 02:30 UTC\">27 Sep 2024, 11:30 +09:00</time>"))
    }

    @Test func timesAreInTheStorysZoneWithUTCOnHover() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let updates = [("06:06", "2021-03-11T06:06:00-05:00", "on Thursday."),
                       ("14:18", "2021-03-11T14:18:00-05:00", "on Thursday, as forecasters warned of up to 18 inches of snow.")]
        for (index, (_, modified, ending)) in updates.enumerated() {
            let page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Storm closes schools in Boston</title>
                <meta property="article:published_time" content="2021-03-11T06:06:00-05:00">
                <meta property="article:modified_time" content="\(modified)">
                </head><body><article><h1>Storm closes schools in Boston</h1>
                <p>A winter storm closed every public school in Boston \(ending)</p>
                <p>"We are asking families to stay home and off the roads," Mayor Kim Janey told reporters at City Hall.</p>
                </article></body></html>
                """
            let file = workspace.write("v\(index + 1).html", Array(page.utf8))
            let recorded = try workspace.writethru(["record", "--story", "boston-storm", file])
            #expect(recorded.status == 0, "\(recorded.stderr)")
        }
        let html = try workspace.writethru(["report", "boston-storm", "-o", "-"]).stdout
        #expect(html.contains("<time datetime=\"2021-03-11T19:18:00Z\" title=\"2021-03-11 19:18 UTC\">11 Mar 2021, 14:18 -05:00</time>"))
        #expect(html.contains("<time datetime=\"2021-03-11T11:06:00Z\" title=\"2021-03-11 11:06 UTC\">11 Mar 2021, 06:06 -05:00</time>"))
        let site = workspace.directory + "/site"
        #expect(try workspace.writethru(["site", site]).status == 0)
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<td><time datetime=\"2021-03-11T19:18:00Z\" title=\"2021-03-11 19:18 UTC\">11 Mar 2021, 14:18 -05:00</time></td>"))
        // A story that stated no zone (the seed chain's pages give none) is shown in UTC.
        let seed = try Self.seedReport()
        #expect(seed.contains("<time datetime=\"2021-03-11T18:18:00Z\" title=\"2021-03-11 18:18 UTC\">11 Mar 2021, 18:18 UTC</time>"))
        #expect(!seed.contains("-05:00"))
        // A range within one day gives the day once.
        #expect(seed.contains("us-china-alaska-talks · 5 versions, <time datetime=\"2021-03-11T06:06:00Z\" "
            + "title=\"2021-03-11 06:06 UTC\">11 Mar 2021, 06:06 UTC</time> to <time datetime=\"2021-03-11T18:18:00Z\" "
            + "title=\"2021-03-11 18:18 UTC\">18:18 UTC</time></p>"))
        #expect(html.contains("boston-storm · 2 versions, <time datetime=\"2021-03-11T11:06:00Z\" title=\"2021-03-11 11:06 UTC\">"
            + "11 Mar 2021, 06:06 -05:00</time> to <time datetime=\"2021-03-11T19:18:00Z\" title=\"2021-03-11 19:18 UTC\">14:18 -05:00</time>"))
    }

    @Test func aFortyVersionStoryHoldsAnyPairExactly() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let files = FloodStory.versions(40).enumerated().map { index, text in
            workspace.write(String(format: "v%02d.txt", index + 1), Array(text.utf8))
        }
        let recorded = try workspace.writethru(["record", "--story", "floods"] + files)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let html = try workspace.writethru(["report", "floods", "-o", "-"]).stdout
        #expect(html.components(separatedBy: "<article class=\"pair").count - 1 == 40 * 39 / 2)
        #expect(html.utf8.count < 3_000_000, "the report is \(html.utf8.count) bytes")
        let fragments = try Self.fragments(html)
        for (old, new) in [(7, 33), (1, 40), (12, 13), (39, 40)] {
            let diff = try workspace.writethru(["diff", "floods", "\(old)", "\(new)", "--format", "json"])
            #expect(diff.status == 0, "\(diff.stderr)")
            let expected = try JSONDecoder().decode(DiffDocument.self, from: Data(diff.stdout.utf8))
            let article = try #require(try Self.pairHTML(html, old: old, new: new, fragments: fragments))
            let label = { (number: Int) in number == 1 ? "v1" : "v\(number) UPDATE \(number - 1)" }
            #expect(article.hasPrefix("<h3>" + label(old) + " → " + label(new) + "</h3>"))
            Self.expectSameDiff(article, expected, pair: "\(old)-\(new)")
        }
    }

    @Test func aFeedLinkIsAnnouncedOnlyWhenGiven() throws {
        let workspace = try Workspace.withSeedChain()
        let timeline = try Archive.open(at: workspace.archive).timeline(story: StoryID(validating: Self.story))
        let feed = StoryPage.FeedLink(title: "Updates to \(Self.story)", href: "../feeds/\(Self.story).xml")
        let withFeed = StoryPage.report(timeline, feeds: [feed])
        #expect(withFeed.contains("<link rel=\"alternate\" type=\"application/atom+xml\" "
            + "title=\"Updates to us-china-alaska-talks\" href=\"../feeds/us-china-alaska-talks.xml\">\n<style>"))
        #expect(withFeed.contains("<a class=\"feed\" href=\"../feeds/us-china-alaska-talks.xml\" type=\"application/atom+xml\" "
            + "title=\"Updates to us-china-alaska-talks\">Feed</a>"))
        let without = StoryPage.report(timeline)
        #expect(!without.contains("<link"))
        #expect(!without.contains(">Feed</a>"))
        #expect(without == (try workspace.writethru(["report", Self.story, "-o", "-"]).stdout))
        let index = StoryPage.siteIndex([StoryPage.IndexEntry(timeline)], feeds: [
            StoryPage.FeedLink(title: "All updates", href: "feed.xml"),
            StoryPage.FeedLink(title: "Undeclared", href: "undeclared.xml", label: "Undeclared feed"),
        ])
        #expect(index.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"All updates\" href=\"feed.xml\">"))
        #expect(index.contains("<a class=\"feed\" href=\"feed.xml\" type=\"application/atom+xml\" title=\"All updates\">Feed</a> "
            + "<a class=\"feed\" href=\"undeclared.xml\" type=\"application/atom+xml\" title=\"Undeclared\">Undeclared feed</a>"))
        #expect(index.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Undeclared\" href=\"undeclared.xml\">"))
        #expect(!StoryPage.siteIndex([StoryPage.IndexEntry(timeline)]).contains("<link"))
    }

    @Test func storyTextInASharedFragmentIsEscapedAndCannotEndItsScript() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let lead = "Officials from both countries will meet in Anchorage on Thursday."
        let versions = [[lead], [lead, "\"We expect </script><!-- <script>alert(1)</script> & more,\" he said."],
                        [lead, "\"We expect </script><!-- <script>alert(2)</script> & more,\" he said."]]
        for (index, paragraphs) in versions.enumerated() {
            let file = workspace.write("v\(index + 1).txt", Array(("Anchorage talks\n\n" + paragraphs.joined(separator: "\n\n") + "\n").utf8))
            #expect(try workspace.writethru(["record", "--story", "escaping", "--at", "2021-03-1\(index + 1)T10:00:00Z", file]).status == 0)
        }
        let html = try workspace.writethru(["report", "escaping", "-o", "-"]).stdout
        let open = try #require(html.range(of: "<script id=\"fragments\" type=\"application/json\">"))
        let table = html[open.upperBound...].prefix { $0 != "\n" }
        // The table ends with its own </script> and holds no other, nor a comment opening.
        #expect(table.components(separatedBy: "</").count == 2, "\(table)")
        #expect(!table.contains("<!--"))
        let pair = try #require(try Self.pairHTML(html, old: 1, new: 3, fragments: try Self.fragments(html)))
        #expect(pair.contains("<ins>&quot;We expect &lt;/script&gt;&lt;!-- &lt;script&gt;alert(2)&lt;/script&gt; &amp; more,&quot; he said.</ins>"))
        #expect(!pair.contains("<script"))
    }

    // MARK: - Reading the page as its script does

    /// The page's fragment table (the JSON array in `<script id="fragments">`).
    static func fragments(_ html: String) throws -> [String] {
        let open = "<script id=\"fragments\" type=\"application/json\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return try JSONDecoder().decode([String].self, from: Data(html[start.upperBound..<end.lowerBound].utf8))
    }

    /// What the page shows for a pair: its article's inline HTML (a step) or its fragments joined
    /// as the script joins them.
    static func pairHTML(_ html: String, old: Int, new: Int, fragments: [String]) throws -> String? {
        let id = "id=\"pair-\(old)-\(new)\""
        let start = try #require(html.range(of: id))
        let tagEnd = try #require(html.range(of: ">", range: start.upperBound..<html.endIndex))
        let tag = String(html[start.upperBound..<tagEnd.lowerBound])
        if let list = tag.range(of: "data-f=\"") {
            let numbers = tag[list.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
            return try numbers.map { number in
                try #require(Int(number, radix: 36).flatMap { fragments.indices.contains($0) ? fragments[$0] : nil })
            }.joined()
        }
        let close = try #require(html.range(of: "</article>", range: tagEnd.upperBound..<html.endIndex))
        return String(html[tagEnd.upperBound..<close.lowerBound])
    }

    struct DiffDocument: Decodable {
        struct Paragraph: Decodable {
            struct Word: Decodable { let op: String; let text: String }
            let kind: String
            let old: [Int]
            let new: [Int]
            let words: [Word]
        }
        let paragraphs: [Paragraph]
    }

    /// The pair's operations in the page are `diff --format json`'s, in order: the same kinds,
    /// paragraph numbers, deleted and inserted words, and text.
    static func expectSameDiff(_ article: String, _ expected: DiffDocument, pair: String) {
        let ops = article.components(separatedBy: "<div class=\"op ").dropFirst()
        #expect(ops.count == expected.paragraphs.count, "pair \(pair): \(ops.count) operations shown")
        for (shown, paragraph) in zip(ops, expected.paragraphs) {
            #expect(shown.hasPrefix(paragraph.kind + "\">"), "pair \(pair): \(shown.prefix(40)) for \(paragraph.kind)")
            let numbers = { (list: [Int]) in list.isEmpty ? "" : "¶" + list.map(String.init).joined(separator: "+") }
            let place = numbers(paragraph.old) + (paragraph.old.isEmpty || paragraph.new.isEmpty ? "" : " → ")
                + numbers(paragraph.new)
            // An unchanged paragraph says only where it is ("¶5", "¶7 → ¶8"), the others what happened too.
            let label = paragraph.kind != "unchanged" ? " · " + place
                : paragraph.old == paragraph.new ? ">" + numbers(paragraph.new) : ">" + place
            #expect(shown.contains(label + "</div>"), "pair \(pair): \(paragraph.kind) \(place) not shown")
            let body = shown.components(separatedBy: "<p class=\"text\">").last?.components(separatedBy: "</p>").first ?? ""
            #expect(segments(body, "del") == paragraph.words.filter { $0.op == "delete" }.map { squeeze($0.text) },
                    "pair \(pair): deleted words differ")
            #expect(segments(body, "ins") == paragraph.words.filter { $0.op == "insert" }.map { squeeze($0.text) },
                    "pair \(pair): inserted words differ")
            // The words in order (a kept word may show the space before a deletion: spaces aside).
            #expect(plain(body).filter { !$0.isWhitespace } == paragraph.words.map(\.text).joined().filter { !$0.isWhitespace },
                    "pair \(pair): text differs")
        }
    }

    /// The text of each `<tag>` element of `html`, spaces squeezed.
    static func segments(_ html: String, _ tag: String) -> [String] {
        html.components(separatedBy: "<\(tag)>").dropFirst().map { squeeze(plain($0.components(separatedBy: "</\(tag)>")[0])) }
    }

    /// HTML without its tags and with the report's escapes undone (paragraph breaks, ¶, dropped).
    static func plain(_ html: String) -> String {
        var out = html.replacingOccurrences(of: "<span class=\"break\">¶</span>", with: "\u{2029}")
        while let tag = out.range(of: "<[^>]*>", options: .regularExpression) { out.removeSubrange(tag) }
        for (escaped, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: escaped, with: character)
        }
        return out
    }

    static func squeeze(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{2029}" }).joined(separator: " ")
    }
}
