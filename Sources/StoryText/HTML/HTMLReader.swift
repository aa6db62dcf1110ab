/// Reads a news page: metadata from JSON-LD, OpenGraph and `article:` meta tags, `<title>`
/// and the canonical link; the body from JSON-LD `articleBody`, else the element marked
/// `itemprop="articleBody"`, else `<article>`, else the densest block of paragraph text.
/// Scripts, styles, navigation, asides, figures, share bars and ads never reach the body.
enum HTMLReader {
    /// - Complexity: O(n) to parse the page's n characters with libxml2 and copy the node tree, plus
    ///   O(e · d) for its e elements nested d deep (text lengths of candidate bodies and the
    ///   densest-block scores are summed from each element's descendants).
    static func read(_ html: String, options: ReadingOptions,
                     filter: BoilerplateFilter) throws(ReadingError) -> Revision {
        let document = HTMLDocument.parse(html)
        let metadata = PageMetadata(document: document, options: options)
        var parts = StructuredParts()
        parts.headline = metadata.headline
        parts.authors = metadata.authors
        parts.published = metadata.published?.date
        parts.publishedOffset = metadata.published?.offsetSeconds
        parts.updated = metadata.updated?.date
        parts.url = metadata.url
        parts.paragraphs = body(of: document, articleBody: metadata.articleBody)
        guard !parts.paragraphs.isEmpty else { throw .noBody(reason: nil) }
        return try RevisionReader.assemble(parts, options: options, filter: filter)
    }

    static func body(of document: HTMLNode, articleBody: String?) -> [String] {
        let fromMarkup = markupBody(of: document)
        if let articleBody {
            let paragraphs = JSONReader.paragraphs(of: articleBody).map(TextReader.normalizeSpaces)
                .filter { !$0.isEmpty }
            // Some sites put the whole body on one line: the markup's paragraphing is better then.
            if paragraphs.count == 1, fromMarkup.count > 1 { return fromMarkup }
            if !paragraphs.isEmpty { return paragraphs }
        }
        return fromMarkup
    }

    private static func markupBody(of document: HTMLNode) -> [String] {
        if let marked = document.first(where: { $0.attribute("itemprop") == "articleBody" && !Furniture.drops($0) }) {
            let paragraphs = Blocks.paragraphs(of: marked)
            if !paragraphs.isEmpty { return paragraphs }
        }
        let articles = document.descendants { $0.name == "article" && !Furniture.drops($0) }
        if let article = articles.max(by: { Blocks.textLength(of: $0) < Blocks.textLength(of: $1) }) {
            let paragraphs = Blocks.paragraphs(of: article)
            if !paragraphs.isEmpty { return paragraphs }
        }
        guard let densest = Blocks.densest(in: document) else { return [] }
        return Blocks.paragraphs(of: densest)
    }
}
