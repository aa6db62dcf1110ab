extension ParagraphAlignment {
    /// A paragraph as the aligner compares it: interned token ids, their lengths, and a bag of
    /// ids for a quick upper bound on the similarity.
    struct Interned {
        var ids: [Int]
        var lengths: [Int]
        var bag: [Int: Int]
        var characters: Int
    }
}
