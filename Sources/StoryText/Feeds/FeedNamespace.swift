/// The XML vocabularies a feed's elements come from, each with the prefix feeds conventionally give
/// it (an element such as `<dc:date>` whose prefix was never declared is still recognised by it).
enum FeedNamespace {
    /// No namespace: RSS 2.0's own elements.
    case none
    case atom
    case rdf
    case rss1
    case dublinCore
    case dublinCoreTerms
    case xml

    /// The namespace names; the first is the current one (Atom 1.0, RSS 1.0), others older.
    var uris: [String] {
        switch self {
        case .none: []
        case .atom: ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]
        case .rdf: ["http://www.w3.org/1999/02/22-rdf-syntax-ns#"]
        case .rss1: ["http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"]
        case .dublinCore: ["http://purl.org/dc/elements/1.1/"]
        case .dublinCoreTerms: ["http://purl.org/dc/terms/"]
        case .xml: ["http://www.w3.org/XML/1998/namespace"]
        }
    }

    /// The prefix an undeclared use would carry (`dc:date`), nil for no namespace.
    var conventionalPrefix: String? {
        switch self {
        case .none: nil
        case .atom: "atom"
        case .rdf: "rdf"
        case .rss1: nil
        case .dublinCore: "dc"
        case .dublinCoreTerms: "dcterms"
        case .xml: "xml"
        }
    }
}
