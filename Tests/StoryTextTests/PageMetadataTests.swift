import Foundation
import StoryText
import Testing

/// Small hand-written pages, one per failure class of issue 14's metadata part.
private func metadata(_ head: String, _ body: String) throws -> PageMetadata {
    try PageMetadata(html: Array("<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>".utf8))
}

private func jsonLD(_ object: String) -> String { #"<script type="application/ld+json">"# + object + "</script>" }

private func date(_ iso: String) -> Date? { try? Date(iso, strategy: .iso8601) }

private let article = "<article><p>Officials said the storm had passed by Tuesday morning.</p></article>"

@Suite struct HeadlineSiteNameTests {
    @Test func siteNameSuffixNamedByOpenGraphIsCut() throws {
        let page = try metadata(#"<title>Storm floods coastal towns | The Daily Planet</title>"#
            + #"<meta property="og:site_name" content="The Daily Planet">"#, article)
        #expect(page.headline == "Storm floods coastal towns")
    }

    @Test func siteNamePrefixWithAColonIsCut() throws {
        let page = try metadata(#"<meta name="application-name" content="Planet News">"#
            + "<title>Planet News: Storm floods coastal towns</title>", article)
        #expect(page.headline == "Storm floods coastal towns")
    }

    @Test func theCanonicalHostNamesTheSite() throws {
        let page = try metadata(#"<link rel="canonical" href="https://www.dailyplanet.example/world/storm">"#
            + "<title>Storm floods coastal towns \u{2013} DailyPlanet</title>", article)
        #expect(page.headline == "Storm floods coastal towns")
    }

    @Test func theJSONLDPublisherAndASiteNameInsideTheHeadlineAreCut() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "headline": "Storm floods coastal towns - Planet","#
            + #" "publisher": {"@type": "Organization", "name": "Planet"}}"#), article)
        #expect(page.headline == "Storm floods coastal towns")
    }

    @Test func aDashThatIsNoSiteNameStays() throws {
        let page = try metadata(#"<meta property="og:site_name" content="The Daily Planet">"#
            + "<title>Markets - what to watch this week</title>", article)
        #expect(page.headline == "Markets - what to watch this week")
    }

    @Test func theH1WinsWhenAMetadataTitleAgreesWithIt() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "headline": "Storm: towns flooded, 12,000 moved"}"#)
            + #"<meta property="og:title" content="Opinion | Storm floods coastal towns - The Planet">"#,
            "<h1>Site menu</h1><h1>Storm floods coastal towns</h1>" + article)
        #expect(page.headline == "Storm floods coastal towns")
    }

    @Test func anH1ThatIsTheSiteNameIsNoHeadline() throws {
        let page = try metadata(#"<meta property="og:site_name" content="The Daily Planet">"#
            + #"<meta property="og:title" content="Storm floods coastal towns">"#,
            "<h1>The Daily Planet</h1>" + article)
        #expect(page.headline == "Storm floods coastal towns")
    }
}

@Suite struct AuthorNameTests {
    @Test func byByIsOneLeadIn() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "author": {"@type": "Person", "name": "By By Jane Doe"}}"#),
                                article)
        #expect(page.authors == ["Jane Doe"])
    }

    @Test func noAuthorNamesNobodyAndTheBylineElementIsRead() throws {
        let page = try metadata(#"<meta name="author" content="No Author">"#,
                                #"<div class="article-byline">By Jane Doe and John Roe | Nov. 19, 2019</div>"# + article)
        #expect(page.authors == ["Jane Doe", "John Roe"])
    }

    @Test func aBylineElementGivesItsLinkedNamesNotItsDate() throws {
        let page = try metadata("", #"<p class="post-author">By <a href="/people/jane-doe" rel="author">Jane Doe</a>"#
            + " November 19, 2019</p>" + article
            + #"<div class="comments"><span class="comment-author">Troll Person</span></div>"#)
        #expect(page.authors == ["Jane Doe"])
    }

    @Test func itempropAuthorWithItsName() throws {
        let page = try metadata("", #"<span itemprop="author" itemscope><span itemprop="name">María de la Cruz</span></span>"#
            + article)
        #expect(page.authors == ["María de la Cruz"])
    }

    @Test func nonNamesAreDroppedAgenciesKeptRepeatsAndCapitalsFolded() throws {
        let page = try metadata(#"<meta property="og:site_name" content="Example Times">"#
            + jsonLD(#"{"@type": "NewsArticle", "author": ["Staff", "https://example.com/people/jane","#
                + #" "desk@example.com", "Example Times", "Example Times Bureau", "Associated Press","#
                + #" {"name": "JANE DOE, Staff Writer"}, "Jane Doe", "admin"]}"#), article)
        #expect(page.authors == ["Associated Press", "Jane Doe"])
    }

    @Test func leadInsOfOtherLanguagesAndAuthorReferences() throws {
        let graph = ##"{"@graph": [{"@type": "Article", "author": [{"@id": "#anna"}, "Por Luis Gómez"]},"##
            + ##" {"@type": "Person", "@id": "#anna", "name": "Von Anna Schmidt"}]}"##
        let page = try metadata(jsonLD(graph), article)
        #expect(page.authors == ["Anna Schmidt", "Luis Gómez"])
    }

    @Test func aPhraseIsNoListOfNames() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "author": "The Russian and Syrian defense ministries"}"#),
                                article)
        #expect(page.authors == [])
    }

    @Test func metaAuthorThatIsAURLIsSkipped() throws {
        let page = try metadata(#"<meta property="article:author" content="https://www.facebook.com/example">"#
            + #"<meta name="parsely-author" content="Kofi Mensah">"#, article)
        #expect(page.authors == ["Kofi Mensah"])
    }
}

@Suite struct PublicationTimeTests {
    @Test func aTimeElementInTheHeaderGivesTheTime() throws {
        let page = try metadata("", #"<header><h1>Storm</h1><time datetime="2019-11-18T20:28:55+00:00">November 18,"#
            + " 2019</time></header>" + article + #"<ul class="related"><li><time datetime="2019-11-01T10:00:00Z">"#
            + "Nov 1</time></li></ul>")
        #expect(page.published?.date == date("2019-11-18T20:28:55Z"))
        #expect(page.published?.offsetSeconds == 0)
    }

    @Test func thePagesOwnOffsetIsKept() throws {
        let page = try metadata(#"<meta property="article:published_time" content="2019-11-19T06:56:43-05:00">"#, article)
        #expect(page.published?.iso8601 == "2019-11-19T06:56:43-05:00")
        #expect(page.published?.date == date("2019-11-19T11:56:43Z"))
    }

    @Test func aZoneLessLocalTimeTellsTheOffsetOfAUTCInstant() throws {
        let page = try metadata(#"<meta property="article:published_time" content="2019-11-20T02:59:46+00:00">"#,
                                #"<header><time datetime="2019-11-19 20:59:46">November 19, 2019 at 8:59 pm</time></header>"#
                                    + article)
        // In UTC alone the story would be dated the 20th; its readers saw the 19th.
        #expect(page.published?.iso8601 == "2019-11-19T20:59:46-06:00")
    }

    @Test func theVisibleClockTellsTheOffset() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "datePublished": "2019-11-19T13:03:00.000Z"}"#),
                                #"<time class="timestamp">Nov. 19, 2019 8:03 am ET</time>"# + article)
        #expect(page.published?.iso8601 == "2019-11-19T08:03:00-05:00")
    }

    @Test func theVisibleZonePicksAmongDisagreeingCandidates() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "datePublished": "2019-11-20T04:31:13-06:00"}"#)
            + #"<meta property="article:published_time" content="2019-11-20T04:31:13+00:00">"#,
            #"<div class="byline">Chris Doe - Nov 19, 2019, 10:31 pm CST</div>"# + article)
        #expect(page.published?.iso8601 == "2019-11-19T22:31:13-06:00")
    }

    @Test func aShownClockOfTheModifiedTimeDoesNotReplaceThePublicationTime() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "datePublished": "2024-09-26T08:05:00-04:00", "dateModified": "2024-09-26T11:40:00-04:00"}"#),
            #"<header><h1>Storm</h1><time datetime="2024-09-26T11:40:00-04:00">September 26, 2024 11:40 AM EDT</time> <span>Updated 2 hours ago</span></header>"# + article)
        #expect(page.published?.iso8601 == "2024-09-26T08:05:00-04:00")
    }

    /// The date line sat in a plain <div>, neither header nor <article>: its offset was lost
    /// (new-user trial).
    @Test func aTimeElementOutsideHeaderAndArticleStillTellsTheOffset() throws {
        let page = try metadata(jsonLD(#"{"@type": "NewsArticle", "datePublished": "2024-08-28T20:15:00Z"}"#),
            #"<div class="story-top"><time datetime="2024-08-28T16:15:00-04:00">Aug. 28, 2024 4:15 pm ET</time></div><div><p>Text of the story, long enough to be one.</p></div>"#)
        #expect(page.published?.iso8601 == "2024-08-28T16:15:00-04:00")
    }

    @Test func anUpdatedLineIsNoPublicationTime() throws {
        let page = try metadata(#"<meta property="article:published_time" content="2019-11-08T20:30:00Z">"#,
                                #"<div class="byline">By Jane Doe <span>Updated <time datetime="2019-11-13T15:28:18">"#
                                    + "Nov 13, 2019, 10:28am EST</time></span></div>" + article)
        #expect(page.published?.iso8601 == "2019-11-08T20:30:00Z")
    }

    @Test func writtenTimesInMetaTagsAndOnlyAShownDay() throws {
        let written = try metadata(#"<meta property="article:published_time" content="November 19, 2019, 07:47 PM EST">"#,
                                   article)
        #expect(written.published?.iso8601 == "2019-11-19T19:47:00-05:00")
        let shown = try metadata("", #"<div class="author-name"><span>REUTERS</span> <span>19 NOV 2019</span></div>"#
            + article)
        #expect(shown.published?.hasTime == false)
        #expect(shown.published?.iso8601.prefix(10) == "2019-11-19")
        #expect(shown.authors == ["Reuters"])
    }

    @Test func theOffsetReachesTheRevision() throws {
        let html = #"<html><head><meta property="article:published_time" content="2019-11-19T06:56:43-05:00">"#
            + "<title>Storm floods coastal towns</title></head><body>" + article + "</body></html>"
        let revision = try RevisionReader.readOne(Array(html.utf8), format: .html)
        #expect(revision.published == date("2019-11-19T11:56:43Z"))
        #expect(revision.publishedOffset == -18000)
    }
}
