/// One declared change: "updates death toll in paragraph 4" is verb `update`, object
/// "death toll", paragraphs [4].
public struct AdvisoryItem: Sendable, Equatable, Codable {
    /// The verb's base form (`add`, `update`, `recast`, `rewrite`, `correct`, ...), or nil
    /// when the item names no verb the parser knows.
    @Nullable public var verb: String?
    public var object: String
    /// Paragraph numbers the item points to, 1-based as editors count.
    public var paragraphs: [Int]

    public init(verb: String?, object: String, paragraphs: [Int]) {
        self.verb = verb
        self.object = object
        self.paragraphs = paragraphs
    }
}
