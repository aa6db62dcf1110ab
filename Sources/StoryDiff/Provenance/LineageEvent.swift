/// What happened to one paragraph or sentence in one version.
public struct LineageEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case introduced, changed, moved
        case movedChanged = "moved-and-changed"
        case split, merged, removed, reintroduced
    }

    public let kind: Kind
    /// 1-based version number.
    public let version: Int
    /// The text in the version before (nil when introduced).
    public let before: String?
    /// The text in this version (nil when removed, or when merged into another one).
    public let after: String?
    /// The paragraph number in this version (in the version before for a removal or a piece
    /// merged into another).
    public let paragraph: Int
    /// The identities of the other pieces of a split or merge.
    public let related: [Int]
    /// What the claims of a sentence did in this version (empty for paragraphs).
    public let claims: [ClaimChange]

    /// True when this version gave the text its present wording.
    public var setsWording: Bool { kind != .moved && kind != .removed && after != nil }
}
