internal import GitStore

extension Archive: VersionSentencesSource {
    /// The paragraphs of the version recorded in `commit`, read from its `article.md`.
    /// - Complexity: one commit, tree and blob read.
    func versionSentences(ofCommit commit: [UInt8]) throws(WritethruError) -> VersionSentences {
        guard let id = ObjectID(bytes: commit) else {
            throw .storage("the derived index names a version by \(commit.count) bytes, not a commit id")
        }
        return VersionSentences(markdown: try article(at: id))
    }
}
