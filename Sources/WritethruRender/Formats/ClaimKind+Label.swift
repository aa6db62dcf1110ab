import Foundation
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

extension ClaimChange {
    /// What the change changed, without the name of its kind (which `kind.label` gives): the
    /// sentence of a claim added or removed, quoted and cut at a word (`TimelineReport.quoted`);
    /// the values of a change ("said → confirmed, certainty up"); else the comparer's reason.
    public var detail: String {
        switch kind {
        case .claimAdded: return TimelineReport.quoted(new ?? "")
        case .claimRemoved: return TimelineReport.quoted(old ?? "")
        default:
            if reason.hasSuffix(")"), let open = reason.range(of: " (") {
                return String(reason[open.upperBound..<reason.index(before: reason.endIndex)])
                    .replacingOccurrences(of: " -> ", with: " → ")
            }
            // "reworded, no claim changed": what follows the kind's own name.
            let named = kind.rawValue.replacingOccurrences(of: "-", with: " ")
            guard reason.hasPrefix(named) else { return reason }
            return String(reason.dropFirst(named.count)).trimmingCharacters(in: CharacterSet(charactersIn: ", "))
        }
    }
}
