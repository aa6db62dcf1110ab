import StoryDiff
import StoryText
import Writethru

/// One update as the delivery channels give it in JSON (hook events, `changes`): the version,
/// its one-line title, the counts, the most significant claim changes and the audit's findings.
/// Its fields are described once, in docs/schema/update.schema.json.
public struct UpdateJSON: Encodable, Sendable {
    struct Audit: Encodable, Sendable {
        let found: Int, items: Int
        let notFound: [String]
        let undeclared: [ClaimJSON]
        let flags: [String]
    }

    let story: String
    let version: Int
    @Nullable var tag: String?
    let title: String
    let headline: String
    @Nullable var previousHeadline: String?
    @Nullable var advisory: String?
    let updated: String, recorded: String, commit: String
    @Nullable var stats: TimelineReport.Stats?
    /// The first `TimelineReport.shownChanges` claim changes, most significant first.
    let changes: [ClaimJSON]
    /// How many more claim changes the update holds (not cosmetic).
    let moreChanges: Int
    @Nullable var audit: Audit?

    public init(_ digest: UpdateDigest) {
        let entry = digest.entry
        story = digest.story.value
        version = entry.number
        tag = entry.tag
        title = digest.title
        headline = entry.headline
        previousHeadline = digest.previousHeadline
        advisory = entry.advisory
        updated = Timestamp.format(entry.updated)
        recorded = Timestamp.format(entry.recorded)
        commit = entry.commit.hex
        stats = digest.stats
        changes = digest.shown.map(ClaimJSON.init)
        moreChanges = digest.ranked.count - digest.shown.count
        audit = digest.audit.map { audit in
            Audit(found: audit.items.filter(\.found).count, items: audit.items.count,
                  notFound: audit.items.filter { !$0.found }.map(\.text),
                  undeclared: audit.undeclared.map(ClaimJSON.init), flags: audit.flags)
        }
    }
}
