/// One change between the claims of two revisions (docs/diff/claims.md).
public struct ClaimChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case quantityChanged = "quantity-changed"
        case dateChanged = "date-changed"
        case attributionSourceChanged = "attribution-source-changed"
        case attributionCueChanged = "attribution-cue-changed"
        case quoteAdded = "quote-added"
        case quoteRemoved = "quote-removed"
        case quoteAltered = "quote-altered"
        case entityAdded = "entity-added"
        case entityRemoved = "entity-removed"
        case entityReplaced = "entity-replaced"
        case negationFlipped = "negation-flipped"
        case hedgeAdded = "hedge-added"
        case hedgeRemoved = "hedge-removed"
        /// A clause or phrase of information added or removed with no figure, name or date.
        case detailAdded = "detail-added"
        case detailRemoved = "detail-removed"
        case claimAdded = "claim-added"
        case claimRemoved = "claim-removed"
        case reworded
        case cosmetic
    }

    public enum Significance: String, Sendable, Equatable, Comparable {
        case cosmetic, style, substantive
        public static func < (a: Significance, b: Significance) -> Bool {
            let order: [Significance] = [.cosmetic, .style, .substantive]
            return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
        }
    }

    public let kind: Kind
    public let significance: Significance
    /// The old and new sentences (nil for an added or removed claim).
    public let old: String?
    public let new: String?
    /// The changed values ("as many as 1 million" -> "more than a million").
    public let from: String?
    public let to: String?
    public let reason: String
    /// The paragraph (1-based, new version; old version for a removal).
    public let paragraph: Int
}
