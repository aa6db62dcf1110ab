import Writethru

/// `log --format json`: the story, its versions, and what `capture` saw happen to its page
/// (docs/capture.md, "A page that disappears").
struct LogJSON: Encodable {
    let story: String
    let versions: [VersionJSON]
    let events: [EventJSON]

    struct EventJSON: Encodable {
        /// The version the event followed: the story's latest when it was seen.
        let version: Int
        let kind: String
        let status: Int
        let url: String
        let at: String
    }
}
