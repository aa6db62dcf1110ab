import StoryText

/// The keys one revision adds to the derived index, by hash: found on every core during an
/// import, before the revision's story is known.
struct RevisionKeys: Sendable {
    let identity: Set<UInt64>
    let furniture: Set<UInt64>
    let words: Set<UInt64>

    init(url: String?, headline: String, paragraphs: [String], learned: [String]) {
        identity = Set([url.flatMap(IdentityKey.url), IdentityKey.headline(headline)].compactMap { $0 }
            .map(DerivedIndex.hash))
        furniture = Set((paragraphs + learned).map(DerivedIndex.hash))
        words = SearchText.wordHashes([headline] + paragraphs)
    }

    init(_ revision: Revision) {
        self.init(url: revision.url, headline: revision.headline, paragraphs: revision.paragraphs,
                  learned: revision.removed.filter { $0.rule == "learned" }.map(\.text))
    }
}
