/// Why a revision has no story text left: a revision with only a headline is never recorded
/// (`ReadingError.noBody`), and its reason names what removed the text, so a too-eager rule can
/// be found and fixed.
enum EmptyBody {
    /// The reason for an empty body, from what the boilerplate rules set aside from it and how
    /// many paragraphs were read as wire metadata (byline, dateline, times, credit lines).
    ///
    /// - Complexity: O(r) in the number of removed paragraphs.
    static func reason(removed: [RemovedText], metadataParagraphs: Int) -> String {
        guard !removed.isEmpty else {
            return metadataParagraphs > 0
                ? "only a headline and wire metadata (byline, dateline, times, credit lines)" : "only a headline"
        }
        // Per rule, in order of first use: paragraphs and characters removed. A drop-rest rule's
        // "(after)" paragraphs count for the rule.
        var order: [String] = []
        var totals: [String: (paragraphs: Int, characters: Int)] = [:]
        for piece in removed {
            let rule = piece.rule.hasSuffix(" (after)") ? String(piece.rule.dropLast(" (after)".count)) : piece.rule
            if totals[rule] == nil { order.append(rule) }
            let total = totals[rule, default: (0, 0)]
            totals[rule] = (total.paragraphs + 1, total.characters + piece.text.unicodeScalars.count)
        }
        var best = order[0]
        for rule in order.dropFirst() where (totals[rule]?.characters ?? 0) > (totals[best]?.characters ?? 0) {
            best = rule
        }
        let count = removed.count
        let paragraphs = count == 1 ? "the only paragraph" : "all \(count) paragraphs"
        guard order.count > 1 else {
            return best == "learned" ? "learned furniture (printed in other stories) removed \(paragraphs)"
                : "the boilerplate rule '\(best)' removed \(paragraphs)"
        }
        let share = totals[best]?.paragraphs ?? 0
        return "the boilerplate rules removed \(paragraphs); '\(best)' removed the most text"
            + " (\(share) \(share == 1 ? "paragraph" : "paragraphs"))"
    }
}
