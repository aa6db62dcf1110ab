import Foundation

/// How much each masked word (SentenceAligner.masked) tells about which sentence it stands in,
/// learnt from the story itself: a word in every paragraph ("the", "said", the story's subject)
/// weighs almost nothing, a word in one paragraph weighs most. The weight is an inverse
/// document frequency over the paragraphs of each version, `ln((n + 1) / df)` with n the
/// paragraphs of the longer version and df the paragraphs holding the word in the version where
/// it is most frequent: a sentence and its rewrite count once, not twice, so even a story of
/// one paragraph weighs every word alike. No word list is needed. A story of a few paragraphs
/// cannot tell "the" from "talks" that way, so words shorter than the key-word length
/// (`DiffSettings.keyWordLength`: articles, prepositions, auxiliaries) weigh a quarter; masked
/// numbers and dates (`#`, `@`) weigh in full.
struct InformativeWeights: Sendable {
    private let weights: [String: Double]
    /// The weight of a word no paragraph has (df = 0 is read as df = 1).
    private let rare: Double
    private let keyWordLength: Int

    /// - Complexity: O(c) in the c characters of the paragraphs.
    init(old: [String], new: [String], keyWordLength: Int) {
        // A paragraph kept in both versions is read once.
        var words: [String: Dictionary<String, Int>.Keys] = [:]
        func frequency(_ paragraphs: [String]) -> [String: Int] {
            var counts: [String: Int] = [:]
            for paragraph in paragraphs {
                let keys = words[paragraph] ?? SentenceAligner.masked(paragraph).keys
                words[paragraph] = keys
                for word in keys { counts[word, default: 0] += 1 }
            }
            return counts
        }
        let count = Double(max(old.count, new.count) + 1)
        weights = frequency(old).merging(frequency(new), uniquingKeysWith: max).mapValues { log(count / Double($0)) }
        rare = log(count)
        self.keyWordLength = keyWordLength
    }

    func weight(_ word: String) -> Double {
        let idf = weights[word] ?? rare
        return word.count >= keyWordLength || word == "#" || word == "@" ? idf : idf / 4
    }

    /// Whether two bags share at least two distinct telling words (of the key-word length, or
    /// masked numbers and dates): one shared word, often the story's topic in a short story, is
    /// not evidence that two sentences are one.
    ///
    /// - Complexity: O(a) distinct words.
    func shareTwoWords(_ a: [String: Int], _ b: [String: Int]) -> Bool {
        var count = 0
        for word in a.keys where b[word] != nil && (word.count >= keyWordLength || word == "#" || word == "@") {
            count += 1
            if count == 2 { return true }
        }
        return false
    }

    /// The total weight of a bag of words, each counted as often as it occurs.
    func mass(_ bag: [String: Int]) -> Double {
        var sum = ExactSum()
        for (word, count) in bag { sum.add(Double(count) * weight(word)) }
        return sum.value
    }

    /// The weight the two bags share (each word at the smaller of its two counts).
    func shared(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var sum = ExactSum()
        for (word, count) in small { sum.add(Double(min(count, large[word] ?? 0)) * weight(word)) }
        return sum.value
    }

    /// The Dice coefficient of two bags with every word weighed: 0 (nothing telling in common)
    /// to 1 (the same words).
    ///
    /// - Complexity: O(a + b) distinct words.
    func similarity(_ a: [String: Int], _ b: [String: Int]) -> Double {
        let total = mass(a) + mass(b)
        return total > 0 ? 2 * shared(a, b) / total : 0
    }

    /// How much of `part` (by weight) is inside `whole`: 1 when every word of `part` is there.
    ///
    /// - Complexity: O(part + whole) distinct words.
    func containment(_ part: [String: Int], in whole: [String: Int]) -> Double {
        let total = mass(part)
        return total > 0 ? shared(part, whole) / total : 0
    }
}
