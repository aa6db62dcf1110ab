import Foundation
import StoryText
import Testing

/// One test per class of body-extraction failure seen on real pages (issue 14), each on a small
/// hand-written page: the story must come out whole, and the furniture must not.
@Suite struct HTMLBodyTests {
    private func read(_ html: String) throws -> Revision {
        try RevisionReader.readOne(Array(html.utf8), format: .html, options: standard)
    }

    /// Five story paragraphs about a storm, long enough to score as readability scores them.
    private static let story = [
        "Heavy rain flooded dozens of streets in the port city on Tuesday, officials said, and schools were closed.",
        "The river rose by nearly two metres overnight, the highest level recorded since 1998, the water agency said.",
        "More than 3,000 people were moved to shelters, and the army sent boats to reach villages cut off by water.",
        "Forecasters said more rain was expected on Wednesday, with up to 80 millimetres falling in some areas.",
        "The mayor said damage would take weeks to assess, but that no deaths had been reported so far.",
    ]

    private static func paragraphs(_ texts: [String] = story) -> String {
        texts.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    private static func page(body: String, bodyClass: String = "", head: String = "") -> String {
        """
        <!DOCTYPE html><html><head><title>River floods port city</title>\(head)</head>
        <body class="\(bodyClass)">\(body)</body></html>
        """
    }

    @Test func furnitureWordsInsideCompoundClassNamesOrOnBodyDoNotDropTheStory() throws {
        let html = Self.page(body: """
            <div class="l-root one-sidebar sidebar-first">
              <div class="l-sidebar-fixed l-segment l-article-body"><div class="c-entry">\(Self.paragraphs())</div></div>
              <div class="sidebar"><p>Most read: a long list of other stories that readers clicked on today, and more.</p></div>
            </div>
            """, bodyClass: "one-sidebar sidebar-first modal-enabled")
        let revision = try read(html)
        #expect(revision.paragraphs == Self.story)
    }

    @Test func aSmallTeaserArticleDoesNotWinOverTheRealBody() throws {
        let html = Self.page(body: """
            <article class="teaser"><h2>Elsewhere</h2><p>Markets closed higher on Tuesday as oil prices rose, traders said.</p></article>
            <div id="story"><div class="text">\(Self.paragraphs())</div></div>
            """)
        let revision = try read(html)
        #expect(revision.paragraphs == Self.story)
    }

    @Test func paywallContainersWhoseTextIsOnThePageAreStoryText() throws {
        let html = Self.page(body: """
            <article>\(Self.paragraphs(Array(Self.story.prefix(2))))
            <div class="paywall">\(Self.paragraphs(Array(Self.story.dropFirst(2))))</div></article>
            """)
        let revision = try read(html)
        #expect(revision.paragraphs == Self.story)
    }

    @Test func aPageWrappedInOneFormKeepsItsStory() throws {
        let html = Self.page(body: """
            <form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="x">
            <div class="main">\(Self.paragraphs())</div></form>
            """)
        #expect(try read(html).paragraphs == Self.story)
    }

    @Test func aBiggerCommentsSectionDoesNotWinOverTheStory() throws {
        let comments = (1...8).map { "Comment \($0): I have lived here for thirty years, and I have never seen the water this high, honestly." }
        let html = Self.page(body: """
            <div class="article-content">\(Self.paragraphs())</div>
            <div class="article-comments">\(Self.paragraphs(comments))</div>
            """)
        #expect(try read(html).paragraphs == Self.story)
    }

    @Test func escapedHTMLInTheJSONLDBodyIsReadAsMarkup() throws {
        let body = Self.story.map { "&lt;p&gt;\($0)&lt;/p&gt;" }.joined()
        let jsonLD = #"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "River floods port city", "articleBody": "\#(body)"}</script>"#
        let html = Self.page(body: "<div id=\"app\"></div>", head: jsonLD)
        let revision = try read(html)
        #expect(revision.paragraphs == Self.story)
        #expect(!revision.paragraphs.joined().contains("<p>"))
    }

    @Test func aPageNestedTenThousandLevelsDeepKeepsItsBody() throws {
        let depth = 10_000
        let html = Self.page(body: String(repeating: "<div>", count: depth) + Self.paragraphs()
            + String(repeating: "</div>", count: depth))
        #expect(try read(html).paragraphs == Self.story)
    }

    @Test func codeInsideScriptsAndStylesNeverReachesTheBody() throws {
        let html = Self.page(body: """
            <SCRIPT type="text/javascript">var teaser = "<p>A fake paragraph written by a script, long enough to score well.</p>";</SCRIPT >
            <style>p::before { content: "<p>Styled text that is no story text at all, however long it is.</p>"; }</style>
            <article>\(Self.paragraphs())</article>
            <script>document.write('<div>' + "</scr" + "ipt>" + '</div>');</script>
            """)
        #expect(try read(html).paragraphs == Self.story)
    }

    /// Browsers keep `</script>` inside `<!--<script>` as script text; libxml2 ended the script
    /// there and printed the rest of the string as story text (new-user trial).
    @Test func aScriptEndsWhereTheTokenizerEndsItEvenAfterAnEscapedScriptTag() throws {
        let html = Self.page(body: """
            <script>var a = "<!--<script>"; var b = "</script><p>NOT STORY: a fake paragraph inside a script string.</p>";</script>
            <article>\(Self.paragraphs())</article>
            """)
        #expect(try read(html).paragraphs == Self.story)
    }

    @Test func aScriptTagInsideACommentOrATextareaStartsNothing() throws {
        let html = Self.page(body: """
            <!-- <script> an old widget, commented out -->
            <textarea name="note"><script></textarea>
            <article>\(Self.paragraphs())</article>
            <script>var later = 1;</script>
            """)
        #expect(try read(html).paragraphs == Self.story)
    }

    @Test func aJSONLDScriptKeepsItsMetadataWhileOtherScriptsAreEmptied() throws {
        let jsonLD = #"<script>var x = "{\"headline\": \"Wrong\"}";</script><script type="application/ld+json">{"@type": "NewsArticle", "headline": "River floods port city, schools closed"}</script>"#
        let revision = try read(Self.page(body: "<article>\(Self.paragraphs())</article>", head: jsonLD))
        #expect(revision.headline == "River floods port city, schools closed")
        #expect(revision.paragraphs == Self.story)
    }

    @Test func interfaceLinesAndPhotoCreditsAreSetAsideByName() throws {
        let interface = ["Caption", "Back to Gallery", "Close", "Advert", "You may also like", "Text size",
                         "Photo: Jane Doe/Getty Images", "Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM",
                         "September 26, 2024 11:40 AM EDT Updated 2 hours ago", "Nov. 19, 2019 8:03 am ET"]
        var mixed: [String] = []
        for (index, paragraph) in Self.story.enumerated() {
            mixed.append(paragraph)
            if index < interface.count { mixed.append(interface[index]) }
        }
        mixed += interface.dropFirst(Self.story.count)
        let revision = try read(Self.page(body: "<article>\(Self.paragraphs(mixed))</article>"))
        #expect(revision.paragraphs == Self.story)
        // The archive's own photo-credit rule names the credit first; the rest are page interface.
        #expect(revision.removed.map(\.text).sorted() == interface.sorted())
        #expect(revision.removed.filter { $0.rule == "page-interface" }.count == interface.count - 1)
    }

    @Test func aShortStorySentenceIsNotInterfaceText() throws {
        let story = Self.story + ["Photos of the flooding were shared widely online.", "Rainfall totals on Sept. 26",
                                  "Monday, 9 a.m.: schools closed"]
        let revision = try read(Self.page(body: "<article>\(Self.paragraphs(story))</article>"))
        #expect(revision.paragraphs == story)
    }

    @Test func aPageOfACookieNoticeAndMenusHasNoStoryText() {
        let notice = "We and our 842 partners use cookies and similar technologies to store and access information on your device, "
            + "to measure audiences and to show you personalised content and advertising."
        let html = Self.page(body: """
            <nav class="site-menu"><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="cookie-consent"><p>\(notice)</p></div>
            <aside class="trending"><p>Most read today</p></aside>
            """)
        #expect(throws: ReadingError.noBody(reason: "its largest text, 155 characters in <div class=\"cookie-consent\">, reads as page furniture")) {
            try read(html)
        }
    }

    @Test func noStoryTextSaysWhichFurnitureHeldTheText() {
        let html = Self.page(body: "<nav class=\"site-menu\">\(Self.paragraphs())</nav>")
        #expect(throws: ReadingError.noBody(reason: "its largest text, 430 characters in <nav class=\"site-menu\">, reads as page furniture")) {
            try read(html)
        }
    }
}
