/// One revision read from an input, with the bytes that are its evidence.
public struct ReadRevision: Sendable {
    public var revision: Revision
    public var format: InputFormat
    /// The bytes this revision was read from: the whole input, or one line of JSON Lines.
    public var evidence: [UInt8]
    /// The 1-based line of a JSON Lines input, nil otherwise.
    public var line: Int?
    /// How many U+FFFD the decoder put in for bytes it could not decode or for NUL characters
    /// (HTML only: text and JSON must be valid UTF-8, so this is 0 for them).
    public var replaced: Int = 0
}
