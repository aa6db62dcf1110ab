/// Reads inputs into revisions. This is the single entry point the rest of Writethru calls.
public enum RevisionReader {
    /// Reads `bytes` as `format` (sniffed when nil). Text and HTML give one revision; JSON gives
    /// one per object (an array or JSON Lines may hold many).
    ///
    /// - Parameter furniture: paragraphs seen before across the archive, for learned boilerplate.
    ///
    /// - Complexity: O(n) in the input's n bytes to decode it (and, for JSON, to parse it; for
    ///   HTML, libxml2's parse and the node tree), plus one boilerplate verdict per paragraph,
    ///   O(r · l) for r rules and a paragraph of length l, remembered across reads. HTML adds
    ///   O(e · d) for e elements nested d deep: the body search measures the text of each
    ///   candidate element, and the densest block sums paragraph lengths up the tree.
    public static func read(_ bytes: [UInt8], format: InputFormat? = nil, options: ReadingOptions = ReadingOptions(),
                            furniture: FurnitureCatalog? = nil) throws(ReadingError) -> [ReadRevision] {
        let format = format ?? InputFormat.sniff(bytes)
        let filter = BoilerplateFilter(options.boilerplate, catalog: furniture)
        switch format {
        case .text:
            let text = try InputText.decode(bytes)
            return [ReadRevision(revision: try TextReader.read(text, options: options, filter: filter),
                                 format: .text, evidence: bytes, line: nil)]
        case .html:
            let decoded = try HTMLDecoding.decode(bytes)
            return [ReadRevision(revision: try HTMLReader.read(decoded.utf8, options: options, filter: filter),
                                 format: .html, evidence: bytes, line: nil, replaced: decoded.replaced)]
        case .json:
            return try JSONReader.read(bytes, options: options, filter: filter).revisions
        }
    }

    /// Reads `bytes` as `read(_:format:options:furniture:)` does, except that a JSON Lines input
    /// keeps its good lines: each line that holds no usable revision is returned apart, with its
    /// number, instead of failing the whole input (`import` records the rest). An input that is
    /// not JSON Lines, or of which not one line is a JSON object, fails as a whole.
    ///
    /// - Complexity: as `read(_:format:options:furniture:)`.
    public static func readKeepingGoodLines(_ bytes: [UInt8], format: InputFormat? = nil,
                                            options: ReadingOptions = ReadingOptions(),
                                            furniture: FurnitureCatalog? = nil)
        throws(ReadingError) -> (revisions: [ReadRevision], rejected: [RejectedLine]) {
        guard (format ?? InputFormat.sniff(bytes)) == .json else {
            return (try read(bytes, format: format, options: options, furniture: furniture), [])
        }
        let filter = BoilerplateFilter(options.boilerplate, catalog: furniture)
        return try JSONReader.read(bytes, options: options, filter: filter, keepingGoodLines: true)
    }

    /// Reads an input that must hold exactly one revision.
    ///
    /// - Complexity: as `read(_:format:options:furniture:)`.
    public static func readOne(_ bytes: [UInt8], format: InputFormat? = nil, options: ReadingOptions = ReadingOptions(),
                               furniture: FurnitureCatalog? = nil) throws(ReadingError) -> Revision {
        let revisions = try read(bytes, format: format, options: options, furniture: furniture)
        guard revisions.count == 1, let only = revisions.first else {
            throw .invalidJSON("it holds \(revisions.count) revisions where one was expected")
        }
        return only.revision
    }

    /// Builds a revision from parts that a structured input (HTML, JSON) already separated.
    static func assemble(_ parts: StructuredParts, options: ReadingOptions,
                         filter: BoilerplateFilter) throws(ReadingError) -> Revision {
        let headlineLine = parts.headline.map(TextReader.normalizeSpaces) ?? ""
        guard !headlineLine.isEmpty else { throw .noHeadline }
        try Revision.checkHeadlineLength(headlineLine)
        let (tag, headline) = WireTag.split(headlineLine)
        var revision = Revision(tag: parts.tag ?? tag, headline: headline, paragraphs: [])
        revision.advisory = parts.advisory.map { Advisory(text: TextReader.normalizeSpaces($0)) }
        revision.byline = parts.byline.map(TextReader.normalizeSpaces).flatMap { $0.isEmpty ? nil : $0 }
        revision.authors = parts.authors.map(TextReader.normalizeSpaces).filter { !$0.isEmpty }
        revision.published = parts.published
        revision.publishedOffset = parts.published == nil ? nil : parts.publishedOffset
        revision.updated = parts.updated
        // Control characters dropped (a NUL would cut git's copy short), spaces trimmed.
        revision.url = parts.url
            .map { url in
                let visible = url.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
                return String(String.UnicodeScalarView(visible)).trimmedSpaces
            }
            .flatMap { $0.isEmpty ? nil : $0 }
        revision.story = parts.story
        let paragraphs = parts.paragraphs.map(TextReader.normalizeSpaces).filter { !$0.isEmpty }
        var (kept, furniture) = filter.apply(paragraphs)
        if parts.setsAsideInterfaceText {
            let interface = kept.map(InterfaceText.isInterface)
            furniture += zip(kept, interface).filter(\.1).map { RemovedText(text: $0.0, rule: InterfaceText.rule) }
            kept = zip(kept, interface).filter { !$0.1 }.map(\.0)
        }
        revision.removed += furniture
        revision.paragraphs = WireMetadata.apply(kept, to: &revision, options: options)
        guard !revision.paragraphs.isEmpty else {
            throw .noBody(reason: EmptyBody.reason(removed: furniture, metadataParagraphs: kept.count))
        }
        if revision.byline == nil, !revision.authors.isEmpty {
            revision.byline = "By " + ListFormatting.names(revision.authors)
        }
        return revision
    }
}
