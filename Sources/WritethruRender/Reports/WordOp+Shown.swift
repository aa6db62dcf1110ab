import StoryDiff

extension WordOp {
    /// The word as a diff shows it: a kept word keeps the space it had when the edit after it
    /// is a deletion at the end (else the deleted word would run into it).
    var shown: String {
        kind == .equal && oldText.count > text.count && oldText.hasPrefix(text) ? oldText : text
    }
}
