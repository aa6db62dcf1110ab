extension ParagraphAlignment {
    /// A matched group: one old paragraph to one new (pair), one to several (split), several to
    /// one (merge).
    struct Unit {
        var old: [Int]
        var new: [Int]
        /// The symmetric similarity that made the match (1 for exact matches).
        var similarity: Double
        var exact: Bool
    }
}
