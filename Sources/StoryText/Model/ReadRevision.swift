/// One revision read from an input, with the bytes that are its evidence.
public struct ReadRevision: Sendable {
    public var revision: Revision
    public var format: InputFormat
    /// The bytes this revision was read from: the whole input, or one line of JSON Lines.
    public var evidence: [UInt8]
    /// The 1-based line of a JSON Lines input, nil otherwise.
    public var line: Int?
}
