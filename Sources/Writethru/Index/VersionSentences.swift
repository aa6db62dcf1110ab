import StoryText

/// One version's paragraphs as git holds them, from which the index finds a sentence's text
/// again by its key (decision 0050: the text is kept only in git). A sentence is split out of
/// its paragraph exactly as `RevisionKeys` split it when it was indexed, and is taken only when
/// the hash of the text found is the row's key: a text that is not the one indexed is never
/// returned.
struct VersionSentences {
    let paragraphs: [String]

    init(markdown: String) {
        paragraphs = ArticleMarkdown.paragraphs(of: markdown)
    }

    /// The sentence whose key is `key`, looked for in paragraph `paragraph` (1-based, where
    /// the index says it stood), then in the whole version; nil when no sentence has the key.
    /// - Complexity: O(p) for the paragraph's length; O(n) for the version's when it is not there.
    func sentence(key: UInt64, paragraph: Int) -> String? {
        if paragraphs.indices.contains(paragraph - 1) {
            let text = paragraphs[paragraph - 1]
            let split = ParagraphSentences.shared.sentences(of: text, hash: DerivedIndex.hash(text))
            if let found = split.first(where: { DerivedIndex.hash($0) == key }) { return found }
        }
        return sentences()[key]
    }

    /// Every sentence of the version, by key.
    /// - Complexity: O(n) in the version's length.
    func sentences() -> [UInt64: String] {
        let all = RevisionKeys.sentences(of: paragraphs, hashes: paragraphs.map(DerivedIndex.hash))
        return Dictionary(all.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Where the index reads a version's text back from: the archive's object store.
protocol VersionSentencesSource {
    /// The text of the version recorded in `commit` (its 20 bytes).
    func versionSentences(ofCommit commit: [UInt8]) throws(WritethruError) -> VersionSentences
}
