import StoryText
import Writethru

/// One recorded input in `record --format json`.
struct RecordJSON: Encodable {
    let file: String
    @Nullable var line: Int?
    let story: String, match: String, version: Int, status: String, commit: String
    init(_ outcome: RecordOutcome) {
        file = outcome.file
        line = outcome.line
        match = outcome.match.rawValue
        story = outcome.story.value
        version = outcome.version
        status = outcome.status.rawValue
        commit = outcome.commit.hex
    }
}
