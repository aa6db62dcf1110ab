import Foundation

/// What HTML and JSON inputs provide before the wire conventions are applied.
struct StructuredParts {
    var headline: String?
    var tag: String?
    var advisory: String?
    var byline: String?
    var authors: [String] = []
    var published: Date?
    /// The UTC offset `published` was stated in, in seconds, when the input named one.
    var publishedOffset: Int?
    var updated: Date?
    var url: String?
    var story: String?
    var paragraphs: [String] = []
    /// Web pages: short interface lines left after the rules (`InterfaceText`) are set aside too,
    /// under the rule name `page-interface`.
    var setsAsideInterfaceText = false
}
