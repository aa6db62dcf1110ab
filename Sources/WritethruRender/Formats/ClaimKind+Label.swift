import StoryDiff

/// The words a reader sees for a claim change's kind and significance, in place of the machine
/// names JSON keeps (`claim-added`, `substantive`): the one mapping the HTML report uses, and
/// that feeds and posts may reuse.
extension ClaimChange.Kind {
    /// "New claim", "Figure changed", "Attribution wording changed": sentence case, no hyphens.
    public var label: String {
        switch self {
        case .quantityChanged: return "Figure changed"
        case .dateChanged: return "Date changed"
        case .attributionSourceChanged: return "Source changed"
        case .attributionCueChanged: return "Attribution wording changed"
        case .quoteAdded: return "Quote added"
        case .quoteRemoved: return "Quote removed"
        case .quoteAltered: return "Quote altered"
        case .entityAdded: return "Name added"
        case .entityRemoved: return "Name removed"
        case .entityReplaced: return "Name replaced"
        case .negationFlipped: return "Meaning reversed"
        case .hedgeAdded: return "Hedge added"
        case .hedgeRemoved: return "Hedge removed"
        case .detailAdded: return "Detail added"
        case .detailRemoved: return "Detail removed"
        case .claimAdded: return "New claim"
        case .claimRemoved: return "Claim removed"
        case .reworded: return "Reworded"
        case .cosmetic: return "Cosmetic edit"
        }
    }
}

extension ClaimChange.Significance {
    /// "Substantive", "Style", "Cosmetic": how much the change matters, as a word.
    public var label: String {
        switch self {
        case .substantive: return "Substantive"
        case .style: return "Style"
        case .cosmetic: return "Cosmetic"
        }
    }
}
