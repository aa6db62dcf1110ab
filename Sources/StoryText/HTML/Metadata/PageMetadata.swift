import Foundation

/// What a page says about itself: its headline without the site's name (`HeadlineCleaner`), its
/// authors (`AuthorNames`, from JSON-LD, meta tags or a byline element), when it was published
/// and modified with the offset it states (`PublicationTimes`), and its URL. Read from JSON-LD,
/// meta tags, `<title>`, `<h1>`, bylines, `<time>` and `<link rel=canonical>`.
public struct PageMetadata: Sendable {
    public private(set) var headline: String?
    public private(set) var authors: [String] = []
    public private(set) var published: StatedTime?
    public private(set) var updated: StatedTime?
    public private(set) var url: String?
    /// JSON-LD `articleBody`, for the body search.
    private(set) var articleBody: String?

    /// Reads the metadata of an HTML page's bytes, decoded as `RevisionReader` decodes them.
    public init(html bytes: [UInt8], options: ReadingOptions = ReadingOptions()) throws(ReadingError) {
        self.init(document: HTMLDocument.parse(try HTMLDecoding.decode(bytes).utf8), options: options)
    }

    init(document: HTMLNode, options: ReadingOptions) {
        let meta = MetaTags(document: document)
        let linkedData = LinkedData(document: document)
        let canonical = document.first { $0.name == "link" && $0.attribute("rel")?.lowercased() == "canonical" }?
            .attribute("href")
        let mainEntity = (linkedData.article?["mainEntityOfPage"] as? [String: Any])?["@id"] as? String
        url = [canonical, meta["og:url"], linkedData.string("url"), mainEntity].compactMap { $0 }
            .first { !$0.isEmpty }

        // The site as the page names it; publishers go only into headline cleaning, since an
        // agency that publishes a story ("Associated Press") may also be its author.
        var authorSites = SiteNames(meta.all("og:site_name") + meta.all("application-name"), url: url)
        var titleSites = authorSites
        linkedData.publisherNames.forEach { titleSites.add($0) }

        let title = document.first { $0.name == "title" }.map { TextReader.normalizeSpaces($0.textContent) }
        let titles = ([linkedData.string("headline")] + meta.all("og:title").map { $0 } + [meta["twitter:title"], title])
            .compactMap { $0 }.map { TextReader.normalizeSpaces(CharacterReferences.decode($0)) }.filter { !$0.isEmpty }
        let h1s = document.descendants { $0.name == "h1" && !Furniture.drops($0) }
            .map { TextReader.normalizeSpaces($0.textContent) }
            .filter { !$0.isEmpty && !titleSites.matches($0) }
        headline = HeadlineCleaner.choose(h1s: h1s, titles: titles, sites: titleSites)
        if let headline {
            // "Story - Sputnik International" names the site even where no meta tag does.
            for suffix in HeadlineCleaner.suffixes(of: [title].compactMap { $0 } + meta.all("og:title"), after: headline)
            where suffix.count <= 60 {
                authorSites.add(suffix)
            }
        }

        articleBody = linkedData.article?["articleBody"] as? String
        let metaAuthors = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                           "dcterms.creator"]
            .flatMap(meta.all).filter { !$0.contains("://") && !$0.hasPrefix("www.") }
        authors = [linkedData.authorNames, metaAuthors].lazy.map { AuthorNames.names($0, sites: authorSites) }
            .first { !$0.isEmpty } ?? BylineElements.names(in: document, sites: authorSites)

        let times = PublicationTimes(meta: meta, linkedData: linkedData, document: document, options: options)
        published = times.published
        updated = times.updated
    }
}
