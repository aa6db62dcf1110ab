extension ClaimExtractor {
    /// Verbs of evidence in the passive: "is seen as", "are believed to", "was thought to".
    static let evidentialParticiples: Set<String> = [
        "seen", "believed", "thought", "understood", "considered", "presumed", "feared", "rumoured", "rumored",
        "said", "reported", "estimated", "deemed", "regarded", "viewed", "known",
    ]
    static let passiveAuxiliaries: Set<String> = ["is", "are", "was", "were", "be", "been", "being"]

    /// Evidential hedges: a form of "be" then a participle of perceiving or believing, then
    /// "as" or "to" ("is seen as a win", "is believed to have been"), as "is believed". The
    /// reporter then stands behind less than the bare statement.
    ///
    /// - Complexity: O(w) for the w lower-case words of the sentence.
    static func evidentialHedges(_ lower: [String]) -> [String] {
        var result: [String] = []
        for index in lower.indices.dropFirst() where evidentialParticiples.contains(lower[index]) {
            guard passiveAuxiliaries.contains(lower[index - 1]), index + 1 < lower.count,
                  lower[index + 1] == "as" || lower[index + 1] == "to" else { continue }
            result.append(lower[index - 1] + " " + lower[index])
        }
        return result
    }
}
