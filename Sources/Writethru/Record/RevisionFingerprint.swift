import StoryText

/// What tells a revision from the one before it: the same normalized text and the same wire
/// metadata make an update `unchanged`.
struct RevisionFingerprint: Equatable {
    let content: String
    let tag: String?
    let advisory: String?
    let byline: String?
    let url: String?

    init(_ meta: RevisionMeta) {
        (content, tag, advisory, byline, url) = (meta.content.sha256, meta.tag, meta.advisory, meta.byline, meta.url)
    }

    init(_ prepared: PreparedRevision) {
        let revision = prepared.revision
        (content, tag, advisory, byline, url) = (prepared.contentHash, revision.tag, revision.advisory?.text,
                                                 revision.byline, revision.url)
    }
}
