/// Where the text of one paragraph or sentence of a version came from.
public struct Blame: Sendable, Equatable {
    /// The identity (`Provenance.paragraphs[id]` or `Provenance.sentences[id]`).
    public let id: Int
    public let introduced: Int
    public let lastChanged: Int
    /// Set when it had been removed and came back, to the version where it did.
    public let reintroduced: Int?

    public init(id: Int, introduced: Int, lastChanged: Int, reintroduced: Int?) {
        self.id = id
        self.introduced = introduced
        self.lastChanged = lastChanged
        self.reintroduced = reintroduced
    }
}
