/// One sentence of a revision: where it stands and what it says.
public struct SentenceRef: Sendable, Equatable, Hashable {
    /// 1-based paragraph number.
    public let paragraph: Int
    /// 0-based position of the sentence in its paragraph.
    public let index: Int
    public let text: String
}
