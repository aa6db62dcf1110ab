internal import GitStore
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

extension VersionSentences {
    /// The text of each row, in the rows' order. Rows are taken version by version, so each
    /// version is read once and let go before the next (a search of every hit reads tens of
    /// thousands). Throws when a version cannot be read or holds no sentence with a row's key.
    /// - Complexity: O(r log r) to group r rows, one article read per distinct commit, O(p)
    ///  per row for its paragraph.
    static func texts(of rows: [SentenceRow],
                      reading source: some VersionSentencesSource) throws(WritethruError) -> [String] {
        let order = rows.indices.sorted { rows[$0].commit.lexicographicallyPrecedes(rows[$1].commit) }
        var found = [String](repeating: "", count: rows.count)
        var current: (commit: [UInt8], sentences: VersionSentences)?
        for offset in order {
            let row = rows[offset]
            let version: VersionSentences
            if let current, current.commit == row.commit {
                version = current.sentences
            } else {
                version = try source.versionSentences(ofCommit: row.commit)
                current = (row.commit, version)
            }
            guard let text = version.sentence(key: row.key, paragraph: row.paragraph) else {
                throw .storage("sentence \(row.id) is not in the version that first printed it "
                    + "(\(ObjectID(bytes: row.commit)?.short() ?? "an unreadable commit id"))")
            }
            found[offset] = text
        }
        return found
    }
}

/// A sentence row of the index and where its text is: the key (FNV-1a of the text), and the
/// paragraph and commit of the version that first printed it.
struct SentenceRow {
    let id: Int64
    let key: UInt64
    let paragraph: Int
    let commit: [UInt8]
}

/// Where the index reads a version's text back from: the archive's object store.
protocol VersionSentencesSource {
    /// The text of the version recorded in `commit` (its 20 bytes).
    func versionSentences(ofCommit commit: [UInt8]) throws(WritethruError) -> VersionSentences
}
