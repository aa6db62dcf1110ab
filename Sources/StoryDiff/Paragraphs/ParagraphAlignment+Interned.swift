extension ParagraphAlignment {
    /// A paragraph as the aligner compares it: its tokens as the word diff reads them (interned
    /// ids, lengths, slight marks, byte ends), a bag of ids (distinct ids and their counts) for
    /// a quick upper bound on the similarity, and its key words as sorted distinct ids.
    struct Interned {
        var sequence: DiffSequence
        var bagIds: [Int]
        var bagCounts: [Int]
        var keys: [Int]

        var ids: [Int] { sequence.ids }
        var lengths: [Int] { sequence.lengths }
        var characters: Int { sequence.characters }

        /// An exact match's paragraph: never tokenized, never compared.
        static let untokenized = Interned(sequence: DiffSequence(text: ""), bagIds: [], bagCounts: [], keys: [])
    }

    /// Buffers the bounds and similarities of one alignment reuse: a count per id (all 0
    /// between uses), marks per paragraph, and the weighted LCS's tables.
    final class Scratch {
        var counts: [Int]
        var marks: [Int]
        var similarity = SimilarityScratch()

        init(ids: Int, paragraphs: Int) {
            counts = [Int](repeating: 0, count: ids)
            marks = [Int](repeating: -1, count: paragraphs)
        }
    }
}
