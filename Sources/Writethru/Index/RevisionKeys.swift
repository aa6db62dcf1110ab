import StoryText

/// What one revision adds to the derived index whatever its story and version: found on every
/// core during an import, before the revision's story is known.
struct RevisionKeys: Sendable {
    /// Hashes of its URL and headline keys (story identity).
    let identity: Set<UInt64>
    /// Hashes of its paragraphs and of the paragraphs set aside as learned furniture.
    let furniture: Set<UInt64>
    /// Its sentences, in order, each once (the first occurrence), with the paragraph it is in.
    let sentences: [IndexedSentence]

    init(url: String?, headline: String, paragraphs: [String], learned: [String]) {
        identity = Set([url.flatMap(IdentityKey.url), IdentityKey.headline(headline)].compactMap { $0 }
            .map(DerivedIndex.hash))
        let hashes = paragraphs.map(DerivedIndex.hash)
        furniture = Set(hashes + learned.map(DerivedIndex.hash))
        sentences = Self.sentences(of: paragraphs, hashes: hashes)
    }

    /// The sentences of a version's paragraphs (with their hashes), each once, in order: what
    /// the index keeps of them, and what `VersionSentences` finds a sentence's text again with.
    /// - Complexity: O(n) in the paragraphs' length (the segmenter's), O(1) a paragraph split before.
    static func sentences(of paragraphs: [String], hashes: [UInt64]) -> [IndexedSentence] {
        var seen = Set<UInt64>()
        var sentences: [IndexedSentence] = []
        for (offset, paragraph) in paragraphs.enumerated() {
            for sentence in ParagraphSentences.shared.sentences(of: paragraph, hash: hashes[offset]) {
                let key = DerivedIndex.hash(sentence)
                if seen.insert(key).inserted {
                    sentences.append(IndexedSentence(text: sentence, key: key, paragraph: offset + 1))
                }
            }
        }
        return sentences
    }

    init(_ revision: Revision) {
        self.init(url: revision.url, headline: revision.headline, paragraphs: revision.paragraphs,
                  learned: revision.removed.filter { $0.rule == "learned" }.map(\.text))
    }
}

/// One sentence of a version, as the index keeps it: its text, the hash that finds it again
/// and its paragraph (1-based).
struct IndexedSentence: Sendable {
    let text: String
    let key: UInt64
    let paragraph: Int
}

/// One version of a story as the index records it, once its commit is known.
struct IndexedVersion: Sendable {
    let number: Int
    let commit: String
    let tag: String?
    /// The version's time (meta.json `updated`), in seconds since 1970.
    let updated: Int64
    /// When it was recorded (meta.json `recorded`), in seconds since 1970; never earlier than
    /// the version before it (`ParentTimes`).
    let recorded: Int64
    let headline: String
    let keys: RevisionKeys
}
