import StoryText

/// Matches advisory items to the claim changes that fulfil them: by the words of the item's
/// object (stemmed) against the changed sentences and values, by its paragraph references, and
/// by what its verb covers ("Rewrites throughout" covers everything; "Recasts" the lead and any
/// removal; "Adds background" any added claim).
public enum AdvisoryAuditor {
    /// Objects that name no particular fact: "Adds background" covers any added claim.
    static let generalObjects: Set<String> = [
        "background", "details", "detail", "context", "comment", "comments", "quotes", "quote", "reaction", "analysis",
        "byline", "more", "color", "colour", "",
    ]
    static let stopwords: Set<String> = [
        "with", "from", "about", "that", "this", "their", "after", "into", "over", "paragraph", "paragraphs",
        "throughout", "more", "further", "new", "details", "detail",
    ]

    /// Checks `advisory` (and the version's `tag`) against the version's claim changes.
    ///
    /// - Complexity: O(i · c · (L + w · v)) for i advisory items and c substantive changes, where L is
    ///   the length of a change's sentences and values, w the stems of the item's object and v
    ///   those of the change (matched by prefix); plus O(i · c²) to extend each item to the other
    ///   changes of the sentences it accounts for.
    public static func audit(advisory: Advisory?, tag: String?, claims: [ClaimChange],
                             settings: DiffSettings = DiffSettings()) -> VersionAudit {
        let substantive = claims.filter { $0.significance == .substantive }
        var covered = Set<Int>()
        var items: [AuditedItem] = []
        for item in advisory?.items ?? [] {
            var matched = substantive.indices.filter { covers(item, substantive[$0], settings: settings) }
            // An item that accounts for a change in a sentence accounts for the rest of that
            // sentence's rewrite: "adds confirmation" covers the hedge the confirmation removed.
            let sentences = Set(matched.map { [substantive[$0].old ?? "", substantive[$0].new ?? ""] })
            matched += substantive.indices.filter {
                !matched.contains($0) && sentences.contains([substantive[$0].old ?? "", substantive[$0].new ?? ""])
            }
            matched.sort()
            covered.formUnion(matched)
            let text = (item.verb ?? "?") + (item.object.isEmpty ? "" : ": " + item.object)
                + (item.paragraphs.isEmpty
                    ? "" : " (paragraph " + item.paragraphs.map(String.init).joined(separator: ", ") + ")")
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
}
