import StoryText
import Writethru

/// `import --format json`, schema `writethru.import/1`.
struct ImportJSON: Encodable {
    struct Rejected: Encodable { let file: String; let reason: String }
    let schema = "writethru.import/1"
    let stories: Int, recorded: Int, unchanged: Int, alreadyRecorded: Int
    let rejected: [Rejected]
    /// Inputs whose story's branch could not be moved (a stale lock): run the import again.
    let skipped: [Rejected]
    /// What ended the import early, after what is counted here was recorded.
    @Nullable var stopped: String?

    init(_ summary: ImportSummary) {
        stories = summary.stories
        recorded = summary.count(.recorded)
        unchanged = summary.count(.unchanged)
        alreadyRecorded = summary.count(.alreadyRecorded)
        rejected = summary.rejected.map { Rejected(file: $0.file, reason: $0.reason) }
        skipped = summary.skipped.map { Rejected(file: $0.file, reason: $0.reason) }
        stopped = summary.stopped?.description
    }
}
