import StoryText

/// What an advisory item was matched to (docs/audit.md).
public struct AuditedItem: Sendable, Equatable {
    public let item: AdvisoryItem
    /// The item as the editor wrote it: "add: Chinese confirmation of talks".
    public let text: String
    public let found: Bool
    /// The substantive claim changes the item accounts for.
    public let changes: [ClaimChange]
}

/// One version's advisory line checked against what changed since the previous version.
public struct VersionAudit: Sendable, Equatable {
    public let items: [AuditedItem]
    /// Substantive changes no item accounts for.
    public let undeclared: [ClaimChange]
    public let flags: [String]
}

/// Matches advisory items to the claim changes that fulfil them: by the words of the item's
/// object (stemmed) against the changed sentences and values, by its paragraph references, and
/// by what its verb covers ("Rewrites throughout" covers everything; "Recasts" the lead and any
/// removal; "Adds background" any added claim).
///
/// - Complexity: O(items x changes x words).
public enum AdvisoryAuditor {
    /// Objects that name no particular fact: "Adds background" covers any added claim.
    static let generalObjects: Set<String> = ["background", "details", "detail", "context", "comment", "comments", "quotes",
                                              "quote", "reaction", "analysis", "byline", "more", "color", "colour", ""]
    static let stopwords: Set<String> = ["with", "from", "about", "that", "this", "their", "after", "into", "over", "paragraph",
                                         "paragraphs", "throughout", "more", "further", "new", "details", "detail"]

    public static func audit(advisory: Advisory?, tag: String?, claims: [ClaimChange]) -> VersionAudit {
        let substantive = claims.filter { $0.significance == .substantive }
        var covered = Set<Int>()
        var items: [AuditedItem] = []
        for item in advisory?.items ?? [] {
            var matched = substantive.indices.filter { covers(item, substantive[$0]) }
            // An item that accounts for a change in a sentence accounts for the rest of that
            // sentence's rewrite: "adds confirmation" covers the hedge the confirmation removed.
            let sentences = Set(matched.map { [substantive[$0].old ?? "", substantive[$0].new ?? ""] })
            matched += substantive.indices.filter { !matched.contains($0) && sentences.contains([substantive[$0].old ?? "", substantive[$0].new ?? ""]) }
            matched.sort()
            covered.formUnion(matched)
            let text = (item.verb ?? "?") + (item.object.isEmpty ? "" : ": " + item.object)
                + (item.paragraphs.isEmpty ? "" : " (paragraph " + item.paragraphs.map(String.init).joined(separator: ", ") + ")")
            items.append(AuditedItem(item: item, text: text, found: !matched.isEmpty,
                                     changes: matched.map { substantive[$0] }))
        }
        let undeclared = substantive.indices.filter { !covered.contains($0) }.map { substantive[$0] }
        var flags: [String] = []
        let upperTag = tag?.uppercased() ?? ""
        if upperTag.contains("CORRECTED") || upperTag.contains("REFILE"), substantive.isEmpty {
            flags.append("\(tag ?? "") but no visible correction")
        }
        if advisory == nil, substantive.contains(where: { $0.kind == .claimRemoved }) {
            flags.append("a claim removed with no advisory line")
        }
        return VersionAudit(items: items, undeclared: undeclared, flags: flags)
    }

    static let addedKinds: Set<ClaimChange.Kind> = [.claimAdded, .quoteAdded, .entityAdded]
    static let addingVerbs: Set<String> = ["add", "include", "insert", "expand"]

    static func covers(_ item: AdvisoryItem, _ change: ClaimChange) -> Bool {
        let verb = item.verb ?? ""
        let object = item.object.lowercased()
        if ["rewrite", "write through"].contains(verb) { return true }
        if verb == "recast", change.kind == .claimRemoved || change.paragraph <= 3 { return true }
        if item.paragraphs.contains(change.paragraph) { return true }
        let adding = addingVerbs.contains(verb)
        // "Adds background", "adds analyst comment": the head word names no fact, so the item
        // accounts for added claims in general.
        let objectWords = object.split(separator: " ").map(String.init)
        let general = objectWords.allSatisfy { generalObjects.contains($0) || stopwords.contains($0) }
            || objectWords.last.map(generalObjects.contains) == true
        if general, adding || verb == "update", addedKinds.contains(change.kind) { return true }
        // An addition is found in the sentences it added; any other change only in the values
        // that changed, so "Adds Blinken comments" does not account for a date changed in a
        // sentence that happens to name Blinken.
        let words = stems(object)
        guard !words.isEmpty else { return false }
        let evidence = adding && !addedKinds.contains(change.kind)
            ? [change.from, change.to].compactMap { $0 }.joined(separator: " ")
            : [change.new, change.old, change.from, change.to].compactMap { $0 }.joined(separator: " ")
        let changeStems = Set(stems(evidence))
        return words.contains { word in changeStems.contains { $0.hasPrefix(word) || word.hasPrefix($0) } }
    }

    /// Content words (four letters or more, not stopwords), reduced by common suffixes.
    static func stems(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 && !stopwords.contains($0) }.map(stem)
    }

    static func stem(_ word: String) -> String {
        for suffix in ["ations", "ation", "ings", "ing", "ed", "es", "s", "'s"] where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}
