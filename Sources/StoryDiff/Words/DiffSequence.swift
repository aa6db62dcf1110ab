/// A text as the word diff compares and prints it: its tokens' interned ids, their lengths in
/// Unicode scalars (body and whitespace), whether each is slight (`WordDiffer.isSlight`), and
/// where each ends in the text's UTF-8 (a token starts where the one before it ends, the first
/// at 0), so that a run of tokens is printed as one slice of `text`.
struct DiffSequence {
    var ids: [Int] = []
    var lengths: [Int] = []
    var slight: [Bool] = []
    var ends: [Int] = []
    /// The text the token ends index: one paragraph, or paragraphs joined by
    /// `WordTokenizer.paragraphBreak` (itself a token).
    var text: String
    /// The scalars of all the tokens (the sum of `lengths`).
    var characters = 0

    init(text: String) {
        self.text = text
    }

    var count: Int { ids.count }

    /// Where token `index` starts in `text`'s UTF-8.
    func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

    /// Sequences joined as their texts are joined by paragraph-break characters, each break a
    /// token of its own (id -1, one scalar, not slight).
    ///
    /// - Complexity: O(t + c) for their t tokens and c bytes.
    static func joined(_ sequences: [DiffSequence]) -> DiffSequence {
        guard sequences.count != 1 else { return sequences[0] }
        var result = DiffSequence(text: sequences.map(\.text).joined(separator: WordTokenizer.paragraphBreak))
        var offset = 0
        for (index, sequence) in sequences.enumerated() {
            if index > 0 {
                // U+2029 is three bytes of UTF-8.
                offset += 3
                result.ids.append(-1)
                result.lengths.append(1)
                result.slight.append(false)
                result.ends.append(offset)
                result.characters += 1
            }
            result.ids += sequence.ids
            result.lengths += sequence.lengths
            result.slight += sequence.slight
            result.ends += sequence.ends.map { $0 + offset }
            result.characters += sequence.characters
            offset += sequence.text.utf8.count
        }
        return result
    }
}
