import StoryDiff
import StoryText
import Writethru

/// `history --format json`, schema `writethru.history/1`.
struct HistoryJSON: Encodable {
    struct Event: Encodable {
        let version: Int
        @Nullable var tag: String?
        let updated: String, kind: String, paragraph: Int
        @Nullable var before: String?
        @Nullable var after: String?
        let related: [Int]
        let claims: [ClaimJSON]
    }
    struct Sentence: Encodable {
        let id: Int, origin: Int, inLatest: Bool
        /// The sentence that holds its text in the latest version (itself, or the one it was merged into).
        @Nullable var latestCarrier: Int?
        let events: [Event]
    }

    let schema = "writethru.history/1"
    let story: String
    let query: String
    let approximate: Bool
    let sentences: [Sentence]

    init(_ timeline: StoryTimeline, history: ClaimHistory) {
        story = timeline.story.value
        query = history.query
        approximate = history.approximate
        sentences = history.lineages.map { lineage in
            let carrier = HistoryReport.carrier(lineage, in: timeline)
            return Sentence(id: lineage.id, origin: lineage.origin, inLatest: carrier != nil, latestCarrier: carrier,
                            events: lineage.events.map { event in
                                let entry = timeline.versions[event.version - 1].entry
                                return Event(version: event.version, tag: entry.tag,
                                             updated: Timestamp.format(entry.updated), kind: event.kind.rawValue,
                                             paragraph: event.paragraph, before: event.before, after: event.after,
                                             related: event.related, claims: event.claims.map(ClaimJSON.init))
                            })
        }
    }
}
