/// One token of a word diff: a word, a number or a punctuation mark, with the whitespace that
/// follows it. Tokens compare by `body`, so a change of spacing alone is no change.
public struct WordToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punctuation, paragraphBreak }

    /// The token without its trailing whitespace.
    public let body: String
    /// The trailing whitespace.
    public let space: String
    public let kind: Kind

    public var text: String { body + space }
}
