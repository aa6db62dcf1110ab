/// Reads a news page: metadata from JSON-LD, OpenGraph and `article:` meta tags, `<title>`
/// and the canonical link (`PageMetadata`); the story text from the markup's best-scoring block
/// of paragraphs (`BodyExtractor`). Scripts, styles, navigation, asides, figures, share bars,
/// ads and interface labels never reach the body.
enum HTMLReader {
    /// - Complexity: O(n) in the page's n characters: libxml2's parse into a flat tree, then a
    ///   constant number of passes over its nodes (see `BodyExtractor`).
    static func read(_ html: String, options: ReadingOptions,
                     filter: BoilerplateFilter) throws(ReadingError) -> Revision {
        try read(Array(html.utf8), options: options, filter: filter)
    }

    /// `read(_:options:filter:)` for the page as well-formed UTF-8 (`HTMLDecoding.utf8`).
    static func read(_ html: [UInt8], options: ReadingOptions,
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
        let body = BodyExtractor.body(of: document, articleBody: metadata.articleBody)
        parts.paragraphs = body.paragraphs
        parts.setsAsideInterfaceText = true
        guard !parts.paragraphs.isEmpty else { throw .noBody(reason: body.reason) }
        return try RevisionReader.assemble(parts, options: options, filter: filter)
    }
}
