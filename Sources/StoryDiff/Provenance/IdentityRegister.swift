/// Identities of one kind (paragraphs or sentences) and the memory of removed ones.
struct IdentityRegister {
    var lineages: [Lineage] = []
    /// Removed and not yet back: identity, text, and its masked bag of words once needed.
    var removed: [(id: Int, text: String, bag: [String: Int]?)] = []

    /// A threshold above any similarity: only the very same text is reclaimed.
    static let exactOnly: Double = 2

    mutating func introduce(_ text: String, version: Int, paragraph: Int, claims: [ClaimChange] = [],
                            threshold: Double) -> Int {
        if let back = reclaim(text, threshold: threshold) {
            record(back.id, LineageEvent(kind: .reintroduced, version: version, before: back.text, after: text,
                                         paragraph: paragraph, related: [], claims: claims))
            return back.id
        }
        return start(origin: version, LineageEvent(kind: .introduced, version: version, before: nil, after: text,
                                                   paragraph: paragraph, related: [], claims: claims))
    }

    mutating func start(origin: Int, _ event: LineageEvent) -> Int {
        let id = lineages.count
        lineages.append(Lineage(id: id, origin: origin, events: [event]))
        return id
    }

    mutating func record(_ id: Int, _ event: LineageEvent) {
        lineages[id].events.append(event)
    }

    mutating func remove(_ id: Int, text: String, version: Int, paragraph: Int, claims: [ClaimChange] = []) {
        record(id, LineageEvent(kind: .removed, version: version, before: text, after: nil, paragraph: paragraph,
                                related: [], claims: claims))
        removed.append((id, text, nil))
    }

    /// The remembered removal most similar to `text`, at or above `threshold`, taken out of
    /// the memory; the earliest removal wins a tie.
    private mutating func reclaim(_ text: String, threshold: Double) -> (id: Int, text: String)? {
        guard !removed.isEmpty else { return nil }
        var best: (index: Int, similarity: Double)?
        if let same = removed.firstIndex(where: { $0.text == text }) {
            best = (same, 2)
        } else if threshold <= 1 {
            let bag = SentenceAligner.masked(text)
            for index in removed.indices {
                let candidate = removed[index].bag ?? SentenceAligner.masked(removed[index].text)
                removed[index].bag = candidate
                let similarity = SentenceAligner.dice(bag, candidate)
                if similarity >= threshold, similarity > (best?.similarity ?? -1) { best = (index, similarity) }
            }
        }
        guard let best else { return nil }
        let found = removed.remove(at: best.index)
        return (found.id, found.text)
    }
}
