import StoryDiff
import StoryText

/// The sentences of a story that `history --claim` found for a query.
public struct ClaimHistory: Sendable {
    public let query: String
    /// The sentence identities found, in the order they first appeared.
    public let lineages: [Lineage]
    /// True when no sentence contained the query and the closest sentences were taken instead.
    public let approximate: Bool
}

extension StoryTimeline {
    /// Below this similarity (masked words, Dice), a query matches nothing approximately.
    static let approximateThreshold = 0.5

    /// Every sentence identity whose text, in any version, contains `query` (ignoring case,
    /// accents, quote styles and runs of spaces); when none does, the sentences most similar
    /// to it, if any is at least `approximateThreshold` similar.
    public func history(of query: String) -> ClaimHistory {
        let wanted = SearchText.folded(query)
        let sentences = provenance.sentences
        let containing = sentences.filter { lineage in
            lineage.events.contains { event in
                [event.before, event.after].contains { $0.map { SearchText.folded($0).contains(wanted) } ?? false }
            }
        }
        guard containing.isEmpty, !wanted.isEmpty else {
            return ClaimHistory(query: query, lineages: wanted.isEmpty ? [] : containing, approximate: false)
        }
        var best: (similarity: Double, lineages: [Lineage]) = (Self.approximateThreshold, [])
        for lineage in sentences {
            let similarity = lineage.events.compactMap(\.after).map { SentenceAligner.similarity(query, $0) }.max() ?? 0
            if similarity > best.similarity + 1e-9 {
                best = (similarity, [lineage])
            } else if abs(similarity - best.similarity) <= 1e-9 {
                best.lineages.append(lineage)
            }
        }
        return ClaimHistory(query: query, lineages: best.lineages, approximate: true)
    }
}
