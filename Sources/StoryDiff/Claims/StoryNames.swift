import Foundation

/// The text of two versions of a story, so that a sentence that calls a referent "the city"
/// or "the company" can be read as naming one the story names elsewhere
/// (docs/diff/claims.md, "The same name"), and the day each version's dateline gives, against
/// which its relative dates are resolved when the revision has no time (`StoryDate`).
public struct StoryNames: Sendable {
    private let cache: Cache

    /// Each version's text as lower-case words between single spaces (`ClaimComparer.spaced`),
    /// with a space at either end: made when first asked for (a name replaced by "the city").
    var old: String { cache.value(\.oldText) { " " + ClaimComparer.spaced($0.oldParagraphs.joined(separator: " ")) + " " } }
    var new: String { cache.value(\.newText) { " " + ClaimComparer.spaced($0.newParagraphs.joined(separator: " ")) + " " } }
    /// Each version's dateline day (its first paragraph's, `StoryDate(paragraphs:)`), or nil:
    /// read when first asked for (a relative date in a version without a revision time).
    public var oldDate: StoryDate? { cache.date(\.oldDate) { $0.givenOldDate ?? StoryDate(paragraphs: $0.oldParagraphs) } }
    public var newDate: StoryDate? { cache.date(\.newDate) { $0.givenNewDate ?? StoryDate(paragraphs: $0.newParagraphs) } }

    /// - Parameters:
    ///   - oldDate, newDate: each version's date when the caller read the dateline already (it
    ///     is taken out of the paragraphs with the other wire metadata); by default read from
    ///     the first paragraph.
    /// - Complexity: O(1); O(n) in the characters of a version the first time its text or its
    ///   date is asked for.
    public init(old: [String], new: [String], oldDate: StoryDate? = nil, newDate: StoryDate? = nil) {
        cache = Cache(old: old, new: new, oldDate: oldDate, newDate: newDate)
    }

    /// What is read from the versions, once, by whichever thread asks first.
    private final class Cache: @unchecked Sendable {
        let oldParagraphs: [String], newParagraphs: [String]
        let givenOldDate: StoryDate?, givenNewDate: StoryDate?
        var oldText: String?, newText: String?
        var oldDate: StoryDate??, newDate: StoryDate??
        private let lock = NSLock()

        init(old: [String], new: [String], oldDate: StoryDate?, newDate: StoryDate?) {
            (oldParagraphs, newParagraphs, givenOldDate, givenNewDate) = (old, new, oldDate, newDate)
        }

        func value(_ slot: ReferenceWritableKeyPath<Cache, String?>, _ make: (Cache) -> String) -> String {
            lock.withLock {
                if let known = self[keyPath: slot] { return known }
                let made = make(self)
                self[keyPath: slot] = made
                return made
            }
        }

        func date(_ slot: ReferenceWritableKeyPath<Cache, StoryDate??>, _ make: (Cache) -> StoryDate?) -> StoryDate? {
            lock.withLock {
                if let known = self[keyPath: slot] { return known }
                let made = make(self)
                self[keyPath: slot] = .some(made)
                return made
            }
        }
    }
}

extension ClaimComparer {
    static let pronouns: Set<String> = ["he", "she", "they", "it", "him", "her", "them", "we", "us"]

    /// Whether a name of one sentence stands where the other sentence has a pronoun or a
    /// definite description ("Anchorage" / "the city", "Nordfeld" / "the company", "Smith" /
    /// "he"): the words just before and after the name are the same in both, and what is
    /// between them in the other sentence is a pronoun, or "the", "this" or "that" and one or
    /// two lower-case words. A description counts only when `named` (the other version's text,
    /// as `StoryNames` keeps it) still names it, so that the reader can tell who is meant.
    ///
    /// - Complexity: O(n + m) in the words of the two sentences.
    /// - Returns: the pronoun or description (lower case), or nil.
    static func reference(for name: String, in sentence: String, besides other: String,
                          named: @autoclosure () -> String?) -> String? {
        let mine = spaced(sentence).split(separator: " ").map(String.init)
        let theirs = spaced(other).split(separator: " ").map(String.init)
        let nameWords = spaced(name).split(separator: " ").map(String.init)
        guard !nameWords.isEmpty, let start = (0...max(0, mine.count - nameWords.count)).first(where: {
            $0 + nameWords.count <= mine.count && Array(mine[$0..<($0 + nameWords.count)]) == nameWords
        }) else { return nil }
        let before = start > 0 ? mine[start - 1] : nil
        let afterIndex = start + nameWords.count
        let after = afterIndex < mine.count ? mine[afterIndex] : nil
        guard before != nil || after != nil else { return nil }
        for from in 0..<theirs.count where before == nil ? from == 0 : (from > 0 && theirs[from - 1] == before) {
            for length in 1...3 where from + length <= theirs.count {
                let end = from + length
                guard after == nil ? end == theirs.count : (end < theirs.count && theirs[end] == after) else { continue }
                let words = Array(theirs[from..<end])
                if length == 1, pronouns.contains(words[0]) { return words[0] }
                let printed = printedWords(other, matching: words)
                if ["the", "this", "that"].contains(words[0]), length >= 2,
                   printed.dropFirst().allSatisfy({ $0.first?.isLowercase == true }),
                   let named = named(), named.contains(" " + spaced(name) + " ") {
                    return words.joined(separator: " ")
                }
            }
        }
        return nil
    }

    /// The words of `text` as printed (case kept) that spell `words` (lower case).
    static func printedWords(_ text: String, matching words: [String]) -> [String] {
        let printed = text.split(separator: " ").map { String($0.filter { $0.isLetter || $0.isNumber }) }
            .filter { !$0.isEmpty }
        for start in printed.indices where start + words.count <= printed.count {
            if printed[start..<(start + words.count)].map({ $0.lowercased() }) == words {
                return Array(printed[start..<(start + words.count)])
            }
        }
        return []
    }
}
