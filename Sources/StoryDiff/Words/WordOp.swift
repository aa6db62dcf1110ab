/// A run of tokens that a word diff keeps, inserts or deletes.
public struct WordOp: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case equal, insert, delete }

    public let kind: Kind
    /// The text as the new version has it (equal, insert) or as the old one had it (delete).
    public let text: String
    /// For `equal`, the text as the old version had it (the words are the same; the spacing
    /// may differ).
    public let oldText: String

    public init(_ kind: Kind, _ text: String, oldText: String? = nil) {
        self.kind = kind
        self.text = text
        self.oldText = oldText ?? text
    }
}
