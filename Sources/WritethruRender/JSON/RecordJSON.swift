import StoryText
import Writethru

/// One recorded input in `record --format json`.
struct RecordJSON: Encodable {
    let file: String
    @Nullable var line: Int?
    let story: String, match: String, version: Int, status: String, commit: String
    /// What the post-record hook did for this revision; null when none ran (no hook, or the
    /// revision was not newly recorded).
    @Nullable var hook: HookJSON?

    init(_ outcome: RecordOutcome, hook: HookOutcome? = nil) {
        file = outcome.file
        line = outcome.line
        match = outcome.match.rawValue
        story = outcome.story.value
        version = outcome.version
        status = outcome.status.rawValue
        commit = outcome.commit.hex
        self.hook = hook.map(HookJSON.init)
    }
}
