import Foundation

/// Compares the claims of two aligned sentences.
public enum ClaimComparer {
    /// - Parameters:
    ///   - oldTime, newTime: the revisions' own times, against which relative dates ("on
    ///     Thursday", "next week") are resolved; without one, a version's relative dates are
    ///     resolved against its dateline day (`StoryNames.oldDate`/`newDate`, `StoryDate`) when
    ///     its weekday is known, else they compare as printed. A date left on one side inside
    ///     one left on the other is a `date-changed` of significance style when the new one is
    ///     the vaguer ("on Thursday" -> "last week"), substantive when it is the more precise.
    ///
    /// - Complexity: O(n + m) to extract the claims of the two sentences of n and m characters, plus
    ///   O(k²) for the k values of a slot (quantities, dates, quotes, names) compared pairwise
    ///   (a figure or a date is looked for anywhere in the other sentence),
    ///   and O(k · m) to look a removed name's surname up in the new sentence. Dating a version
    ///   by its dateline is constant work (`StoryNames` read it once for the comparison).
    ///   - story: the names the two versions give, to read "the city" for a name the story gives
    ///     elsewhere; without it only pronouns are read as the same referent.
    public static func changes(old: String?, new: String?, paragraph: Int, oldTime: Date? = nil,
                               newTime: Date? = nil, story: StoryNames? = nil) -> [ClaimChange] {
        switch (old, new) {
        case (nil, nil): return []
        case (nil, let added?):
            let subhead = isSubhead(added)
            return [ClaimChange(kind: .claimAdded, significance: subhead ? .style : .substantive, old: nil, new: added,
                                from: nil, to: nil, reason: subhead ? "subhead added" : "claim added",
                                paragraph: paragraph)]
        case (let removed?, nil):
            let subhead = isSubhead(removed)
            return [ClaimChange(kind: .claimRemoved, significance: subhead ? .style : .substantive, old: removed,
                                new: nil, from: nil, to: nil, reason: subhead ? "subhead removed" : "claim removed",
                                paragraph: paragraph)]
        case (let before?, let after?):
            guard before != after else { return [] }
            return compare(ClaimExtractor.claim(before), ClaimExtractor.claim(after), paragraph: paragraph,
                           oldTime: oldTime, newTime: newTime, story: story)
        }
    }

    static func compare(_ a: Claim, _ b: Claim, paragraph: Int, oldTime: Date?, newTime: Date?,
                        story: StoryNames? = nil) -> [ClaimChange] {
        var changes: [ClaimChange] = []
        func add(_ kind: ClaimChange.Kind, _ from: String?, _ to: String?, _ reason: String,
                 significance: ClaimChange.Significance = .substantive) {
            changes.append(ClaimChange(kind: kind, significance: significance, old: a.sentence, new: b.sentence,
                                       from: from, to: to, reason: reason, paragraph: paragraph))
        }
        for (x, y) in Claim.Quantity.changed(a.quantities, b.quantities) {
            add(.quantityChanged, x?.text, y?.text, "quantity changed (\(x?.text ?? "none") -> \(y?.text ?? "none"))")
        }
        // Dates, compared as what they mean (`DateResolution`): a date is changed when nothing
        // on the other side means the same. A version without a revision time is dated by its
        // dateline (`StoryDate`), its year from either revision time when there is one.
        let oldReference = oldTime.map { DateResolution.Reference(date: $0) }
            ?? story?.oldDate?.reference(near: newTime)
        let newReference = newTime.map { DateResolution.Reference(date: $0) }
            ?? story?.newDate?.reference(near: oldTime)
        let resolvedA = a.dates.map { DateResolution.resolve($0, against: oldReference) }
        let resolvedB = b.dates.map { DateResolution.resolve($0, against: newReference) }
        let fromIndices = a.dates.indices.filter { index in
            !resolvedB.contains { DateResolution.same(resolvedA[index], $0) }
        }
        let toIndices = b.dates.indices.filter { index in
            !resolvedA.contains { DateResolution.same(resolvedB[index], $0) }
        }
        if !fromIndices.isEmpty || !toIndices.isEmpty {
            let from = fromIndices.map { a.dates[$0] }, to = toIndices.map { b.dates[$0] }
            let printedFrom = from.isEmpty ? "none" : from.joined(separator: ", ")
            let printedTo = to.isEmpty ? "none" : to.joined(separator: ", ")
            // Every date left on one side inside one left on the other ("on Thursday" ->
            // "last week"): the same date said more vaguely, or made precise.
            // A bound ("by March 3" -> "by the end of March") is a deadline moved, never this.
            let unbound = !fromIndices.contains { DateResolution.isBound(a.dates[$0], in: a.sentence) }
                && !toIndices.contains { DateResolution.isBound(b.dates[$0], in: b.sentence) }
            func covered(_ mine: [Int], _ resolvedMine: [String], by theirs: [Int], _ resolvedTheirs: [String],
                         wide: Bool) -> Bool {
                unbound && !mine.isEmpty && mine.allSatisfy { index in
                    theirs.contains { other in
                        wide ? DateResolution.contains(resolvedTheirs[other], resolvedMine[index])
                            : DateResolution.contains(resolvedMine[index], resolvedTheirs[other])
                    }
                }
            }
            let vaguer = covered(fromIndices, resolvedA, by: toIndices, resolvedB, wide: true)
                && covered(toIndices, resolvedB, by: fromIndices, resolvedA, wide: false)
            let precise = covered(fromIndices, resolvedA, by: toIndices, resolvedB, wide: false)
                && covered(toIndices, resolvedB, by: fromIndices, resolvedA, wide: true)
            let reason = vaguer ? "vaguer date, the same date said less precisely"
                : precise ? "date made precise" : "date changed"
            add(.dateChanged, from.joined(separator: ", "), to.joined(separator: ", "),
                "\(reason) (\(printedFrom) -> \(printedTo))", significance: vaguer ? .style : .substantive)
        }
        // Names first: the equivalences they find (a typo fixed, an acronym, a surname) also
        // hold for the sources of attributions.
        let names = compareNames(a, b, story: story)
        for (x, y) in names.replaced { add(.entityReplaced, x, y, "entity replaced (\(x) -> \(y))") }
        for x in names.removed { add(.entityRemoved, x, nil, "entity removed (\(x))") }
        for y in names.added { add(.entityAdded, nil, y, "entity added (\(y))") }
        for index in 0..<max(a.attributions.count, b.attributions.count) {
            let x = index < a.attributions.count ? a.attributions[index] : nil
            let y = index < b.attributions.count ? b.attributions[index] : nil
            guard let x, let y else {
                let reason = x == nil
                    ? "attribution added (\(y?.source ?? ""))" : "attribution removed (\(x?.source ?? ""))"
                add(.attributionSourceChanged, x?.source, y?.source, reason)
                continue
            }
            if !sameSource(x.source, y.source, equivalent: names.equivalent) {
                add(.attributionSourceChanged, x.source, y.source,
                    "attribution source changed (\(x.source) -> \(y.source))")
            }
            if !CueStrength.sameReport(x.cue, y.cue) {
                let before = CueStrength.strength(of: x.cue)
                let after = CueStrength.strength(of: y.cue)
                let direction = after > before ? "certainty up" : after < before ? "certainty down" : "same certainty"
                add(.attributionCueChanged, x.cue, y.cue,
                    "attribution cue changed (\(x.cue) -> \(y.cue), \(direction))")
            }
        }
        // Quotes compare by their words: a dash or a comma inside a quote is punctuation.
        let removedQuotes = a.quotes.filter { quote in !b.quotes.contains { spaced($0) == spaced(quote) } }
        let addedQuotes = b.quotes.filter { quote in !a.quotes.contains { spaced($0) == spaced(quote) } }
        for (x, y) in zip(removedQuotes, addedQuotes) { add(.quoteAltered, x, y, "quote altered") }
        for x in removedQuotes.dropFirst(addedQuotes.count) { add(.quoteRemoved, x, nil, "quote removed") }
        for y in addedQuotes.dropFirst(removedQuotes.count) { add(.quoteAdded, nil, y, "quote added") }
        if a.negations.count % 2 != b.negations.count % 2 {
            add(.negationFlipped, a.negations.joined(separator: " "), b.negations.joined(separator: " "),
                "negation flipped")
        }
        for hedge in b.hedges where !a.hedges.contains(hedge) { add(.hedgeAdded, nil, hedge, "hedge added (\(hedge))") }
        for hedge in a.hedges where !b.hedges.contains(hedge) {
            add(.hedgeRemoved, hedge, nil, "hedge removed (\(hedge))")
        }
        if !changes.isEmpty { return changes }
        // What the names' equivalences explain ("the WHO" for "the World Health
        // Organization") is not a detail.
        if names.equivalent.isEmpty, let detail = detail(a.sentence, b.sentence) {
            add(detail.added ? .detailAdded : .detailRemoved, detail.added ? nil : detail.words,
                detail.added ? detail.words : nil, (detail.added ? "detail added (" : "detail removed (") + detail.words + ")")
            return changes
        }
        // A name respelled (a typo fixed) is spelling, as punctuation and case are.
        var respelled = a.sentence
        for (x, y) in names.respelled { respelled = respelled.replacingOccurrences(of: x, with: y) }
        let cosmetic = folded(respelled) == folded(b.sentence)
        return [ClaimChange(kind: cosmetic ? .cosmetic : .reworded, significance: cosmetic ? .cosmetic : .style,
                            old: a.sentence, new: b.sentence, from: nil, to: nil,
                            reason: cosmetic ? "spelling, punctuation or spacing" : "reworded, no claim changed",
                            paragraph: paragraph)]
    }

    /// A subhead, not a sentence: at most eight words, no figure, and no end punctuation
    /// ("Rescue efforts", "What happens next"). It asserts nothing.
    static func isSubhead(_ text: String) -> Bool {
        guard let last = text.last, !".!?:;,\"”’)…".contains(last) else { return false }
        let words = text.split(separator: " ")
        return words.count <= 8 && !text.contains(where: \.isNumber)
    }

    /// Whether two attribution sources are the same: equal but for case, a pronoun for a
    /// named source ("Smith" -> "he"), or names that are equivalent (a typo fixed, an acronym,
    /// a surname: `NameEquivalence`).
    static func sameSource(_ x: String, _ y: String, equivalent: [(String, String)] = []) -> Bool {
        if x.lowercased() == y.lowercased() { return true }
        // A name the comparison of names already found referred to ("the city" for "Anchorage").
        if equivalent.contains(where: { spaced(x).hasSuffix(spaced($0.0)) && spaced(y).hasSuffix(spaced($0.1)) }) {
            return true
        }
        let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
        if pronouns.contains(x.lowercased()) || pronouns.contains(y.lowercased()) { return true }
        return NameEquivalence.relation(x, y) != nil
    }

    /// The names of two sentences compared: a name is removed (or added) only when the other
    /// sentence has no name or words that are the same name (`NameEquivalence`); a name whose
    /// surname the other sentence still has is a second reference. Removed and added names left
    /// over are paired in order as replaced.
    ///
    /// - Complexity: O(k² · l²) for k names of at most l characters (the edit distances).
    static func compareNames(_ a: Claim, _ b: Claim, story: StoryNames? = nil) -> (replaced: [(String, String)], removed: [String], added: [String],
                                                        respelled: [(String, String)], equivalent: [(String, String)]) {
        let oldWords = " " + spaced(a.sentence) + " ", newWords = " " + spaced(b.sentence) + " "
        func stillThere(_ name: String, in words: String) -> Bool {
            let spelled = spaced(name)
            if words.contains(" " + spelled + " ") { return true }
            // A full name cut to its surname, or a surname given in full: a second reference.
            let parts = name.split(separator: " ")
            return parts.count > 1 && parts.last?.first?.isUppercase == true
                && words.contains(" " + spaced(String(parts.last ?? "")) + " ")
        }
        var removed = a.entities.filter { !b.entities.contains($0) && !stillThere($0, in: newWords) }
        var added = b.entities.filter { !a.entities.contains($0) && !stillThere($0, in: oldWords) }
        // A body named in lower case whose noun the other sentence still has, and no other body
        // of that noun: the same body, named more or less closely ("the city council" / "the
        // council"). Another modifier is another body ("state police" / "county police").
        func noun(_ name: String) -> Substring? {
            name.first?.isLowercase == true ? name.split(separator: " ").last : nil
        }
        let removedNouns = Set(removed.compactMap(noun)), addedNouns = Set(added.compactMap(noun))
        removed.removeAll { name in
            noun(name).map { !addedNouns.contains($0) && newWords.contains(" " + $0 + " ") } ?? false
        }
        added.removeAll { name in
            noun(name).map { !removedNouns.contains($0) && oldWords.contains(" " + $0 + " ") } ?? false
        }
        var respelled: [(String, String)] = [], equivalent: [(String, String)] = []
        // A name the other sentence refers to by a pronoun, or by "the city" when the story
        // names it elsewhere: the same referent.
        for name in removed {
            guard let reference = reference(for: name, in: a.sentence, besides: b.sentence, named: story?.new) else { continue }
            equivalent.append((name, reference))
            removed.removeAll { $0 == name }
        }
        for name in added {
            guard let reference = reference(for: name, in: b.sentence, besides: a.sentence, named: story?.old) else { continue }
            equivalent.append((reference, name))
            added.removeAll { $0 == name }
        }
        for name in removed {
            guard let match = added.firstIndex(where: { NameEquivalence.relation(name, $0) != nil }) else { continue }
            if NameEquivalence.relation(name, added[match]) == .spelling { respelled.append((name, added[match])) }
            equivalent.append((name, added[match]))
            removed.removeAll { $0 == name }
            added.remove(at: match)
        }
        // A name replaced stands where the other stood: the same word just before it or just
        // after it ("of Seville" / "of Valencia"). Names that share no place are one removed
        // and one added, not a replacement of one by the other.
        var replaced: [(String, String)] = []
        for name in removed {
            guard let match = added.firstIndex(where: { sameSlot(name, in: a.sentence, $0, in: b.sentence) }) else { continue }
            replaced.append((name, added[match]))
            removed.removeAll { $0 == name }
            added.remove(at: match)
        }
        return (replaced, removed, added, respelled, equivalent)
    }

    /// Whether `x` in `first` and `y` in `second` have the same word just before them, or just
    /// after them (`spaced` words; the start of the sentence counts as a word).
    ///
    /// - Complexity: O(n + m) in the words of the two sentences.
    static func sameSlot(_ x: String, in first: String, _ y: String, in second: String) -> Bool {
        func neighbours(_ name: String, _ sentence: String) -> (before: String, after: String)? {
            let words = spaced(sentence).split(separator: " ").map(String.init)
            let nameWords = spaced(name).split(separator: " ").map(String.init)
            guard !nameWords.isEmpty, nameWords.count <= words.count else { return nil }
            for start in 0...(words.count - nameWords.count) where Array(words[start..<(start + nameWords.count)]) == nameWords {
                let end = start + nameWords.count
                return (start > 0 ? words[start - 1] : "^", end < words.count ? words[end] : "$")
            }
            return nil
        }
        guard let p = neighbours(x, first), let q = neighbours(y, second) else { return false }
        return p.before == q.before || p.after == q.after
    }

    /// Lower-case letters, digits and single spaces: "EF-4, said" -> "ef4 said".
    static func spaced(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else if character == " " || character == "\u{2014}" || character == "\u{2013}" || character == "/" {
                pendingSpace = true
            }
        }
        return result
    }

    /// Letters and digits only, lower case: what is left when punctuation, spacing and case go.
    static func folded(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
