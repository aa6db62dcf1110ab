import Writethru

/// `import --format json`, schema `writethru.import/1`.
struct ImportJSON: Encodable {
    struct Rejected: Encodable { let file: String; let reason: String }
    let schema = "writethru.import/1"
    let stories: Int, recorded: Int, unchanged: Int, alreadyRecorded: Int
    let rejected: [Rejected]

    init(_ summary: ImportSummary) {
        stories = summary.stories
        recorded = summary.count(.recorded)
        unchanged = summary.count(.unchanged)
        alreadyRecorded = summary.count(.alreadyRecorded)
        rejected = summary.rejected.map { Rejected(file: $0.file, reason: $0.reason) }
    }
}
