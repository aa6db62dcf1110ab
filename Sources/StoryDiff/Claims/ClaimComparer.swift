import Foundation

/// Compares the claims of two aligned sentences.
public enum ClaimComparer {
    /// - Parameters:
    ///   - oldTime, newTime: the revisions' own times, against which relative dates ("on
    ///     Thursday", "next week") are resolved; without them dates compare as printed.
    ///
    /// - Complexity: O(n + m) to extract the claims of the two sentences of n and m characters, plus
    ///   O(k²) for the k values of a slot (quantities, dates, quotes, names) compared pairwise
    ///   (a figure or a date is looked for anywhere in the other sentence),
    ///   and O(k · m) to look a removed name's surname up in the new sentence.
    public static func changes(old: String?, new: String?, paragraph: Int, oldTime: Date? = nil,
                               newTime: Date? = nil) -> [ClaimChange] {
        switch (old, new) {
        case (nil, nil): return []
        case (nil, let added?):
            return [ClaimChange(kind: .claimAdded, significance: .substantive, old: nil, new: added, from: nil, to: nil,
                                reason: "claim added", paragraph: paragraph)]
        case (let removed?, nil):
            return [ClaimChange(kind: .claimRemoved, significance: .substantive, old: removed, new: nil, from: nil,
                                to: nil, reason: "claim removed", paragraph: paragraph)]
        case (let before?, let after?):
            guard before != after else { return [] }
            return compare(ClaimExtractor.claim(before), ClaimExtractor.claim(after), paragraph: paragraph,
                           oldTime: oldTime, newTime: newTime)
        }
    }

    static func compare(_ a: Claim, _ b: Claim, paragraph: Int, oldTime: Date?, newTime: Date?) -> [ClaimChange] {
        var changes: [ClaimChange] = []
        func add(_ kind: ClaimChange.Kind, _ from: String?, _ to: String?, _ reason: String) {
            changes.append(ClaimChange(kind: kind, significance: .substantive, old: a.sentence, new: b.sentence,
                                       from: from, to: to, reason: reason, paragraph: paragraph))
        }
        // Quantities: a figure said the same anywhere in the other sentence is kept; the rest
        // are paired in order, and a figure left over was added or removed.
        var unpairedNew = Array(b.quantities.indices)
        var unpairedOld: [Int] = []
        for (index, quantity) in a.quantities.enumerated() {
            if let match = unpairedNew.firstIndex(where: { quantity.means(sameAs: b.quantities[$0]) }) {
                unpairedNew.remove(at: match)
            } else {
                unpairedOld.append(index)
            }
        }
        for index in 0..<max(unpairedOld.count, unpairedNew.count) {
            let x = index < unpairedOld.count ? a.quantities[unpairedOld[index]] : nil
            let y = index < unpairedNew.count ? b.quantities[unpairedNew[index]] : nil
            add(.quantityChanged, x?.text, y?.text, "quantity changed (\(x?.text ?? "none") -> \(y?.text ?? "none"))")
        }
        // Dates, compared as what they mean (`DateResolution`): a date is changed when nothing
        // on the other side means the same.
        let resolvedA = a.dates.map { DateResolution.resolve($0, reference: oldTime) }
        let resolvedB = b.dates.map { DateResolution.resolve($0, reference: newTime) }
        let from = a.dates.indices.filter { index in !resolvedB.contains { DateResolution.same(resolvedA[index], $0) } }
            .map { a.dates[$0] }
        let to = b.dates.indices.filter { index in !resolvedA.contains { DateResolution.same(resolvedB[index], $0) } }
            .map { b.dates[$0] }
        if !from.isEmpty || !to.isEmpty {
            let printedFrom = from.isEmpty ? "none" : from.joined(separator: ", ")
            let printedTo = to.isEmpty ? "none" : to.joined(separator: ", ")
            add(.dateChanged, from.joined(separator: ", "), to.joined(separator: ", "),
                "date changed (\(printedFrom) -> \(printedTo))")
        }
        for index in 0..<max(a.attributions.count, b.attributions.count) {
            let x = index < a.attributions.count ? a.attributions[index] : nil
            let y = index < b.attributions.count ? b.attributions[index] : nil
            guard let x, let y else {
                let reason = x == nil
                    ? "attribution added (\(y?.source ?? ""))" : "attribution removed (\(x?.source ?? ""))"
                add(.attributionSourceChanged, x?.source, y?.source, reason)
                continue
            }
            if x.source.lowercased() != y.source.lowercased() {
                add(.attributionSourceChanged, x.source, y.source,
                    "attribution source changed (\(x.source) -> \(y.source))")
            }
            if x.cue != y.cue {
                let before = CueStrength.strength[x.cue] ?? 1
                let after = CueStrength.strength[y.cue] ?? 1
                let direction = after > before ? "certainty up" : after < before ? "certainty down" : "same certainty"
                add(.attributionCueChanged, x.cue, y.cue,
                    "attribution cue changed (\(x.cue) -> \(y.cue), \(direction))")
            }
        }
        let removedQuotes = a.quotes.filter { !b.quotes.contains($0) }
        let addedQuotes = b.quotes.filter { !a.quotes.contains($0) }
        for (x, y) in zip(removedQuotes, addedQuotes) { add(.quoteAltered, x, y, "quote altered") }
        for x in removedQuotes.dropFirst(addedQuotes.count) { add(.quoteRemoved, x, nil, "quote removed") }
        for y in addedQuotes.dropFirst(removedQuotes.count) { add(.quoteAdded, nil, y, "quote added") }
        // A name cut to its surname ("Bonnie Glaser" -> "Glaser") is a second reference, not a
        // removal.
        let removedNames = a.entities.filter { name in
            !b.entities.contains(name) && !(name.split(separator: " ").count > 1
                && b.sentence.contains(String(name.split(separator: " ").last ?? "")))
        }
        let addedNames = b.entities.filter { !a.entities.contains($0) }
        for (x, y) in zip(removedNames, addedNames) { add(.entityReplaced, x, y, "entity replaced (\(x) -> \(y))") }
        for x in removedNames.dropFirst(addedNames.count) { add(.entityRemoved, x, nil, "entity removed (\(x))") }
        for y in addedNames.dropFirst(removedNames.count) { add(.entityAdded, nil, y, "entity added (\(y))") }
        if a.negations.count % 2 != b.negations.count % 2 {
            add(.negationFlipped, a.negations.joined(separator: " "), b.negations.joined(separator: " "),
                "negation flipped")
        }
        for hedge in b.hedges where !a.hedges.contains(hedge) { add(.hedgeAdded, nil, hedge, "hedge added (\(hedge))") }
        for hedge in a.hedges where !b.hedges.contains(hedge) {
            add(.hedgeRemoved, hedge, nil, "hedge removed (\(hedge))")
        }
        if !changes.isEmpty { return changes }
        let cosmetic = folded(a.sentence) == folded(b.sentence)
        return [ClaimChange(kind: cosmetic ? .cosmetic : .reworded, significance: cosmetic ? .cosmetic : .style,
                            old: a.sentence, new: b.sentence, from: nil, to: nil,
                            reason: cosmetic ? "spelling, punctuation or spacing" : "reworded, no claim changed",
                            paragraph: paragraph)]
    }

    /// Letters and digits only, lower case: what is left when punctuation, spacing and case go.
    static func folded(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
