import StoryText
import Writethru

/// `push|pull|clone --format json`, schema `writethru.sync/1`.
struct SyncJSON: Encodable {
    struct Story: Encodable {
        @Nullable var story: String?
        let status: String
        @Nullable var local: String?
        @Nullable var remote: String?
        /// Versions the remote lost (`remote-truncated`, `restored`); else null.
        @Nullable var lost: Int?
    }
    let schema = "writethru.sync/1"
    let remote: String
    let stories: [Story]

    init(remote: String, outcomes: [SyncOutcome]) {
        self.remote = remote
        stories = outcomes.map {
            Story(story: $0.story?.value, status: $0.status.rawValue, local: $0.local?.hex, remote: $0.remote?.hex,
                  lost: $0.lost)
        }
    }
}
