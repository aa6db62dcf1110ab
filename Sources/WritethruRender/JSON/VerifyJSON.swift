import StoryText
import Writethru

/// `verify --format json`, schema `writethru.verify/1`.
struct VerifyJSON: Encodable {
    struct Problem: Encodable {
        @Nullable var story: String?
        @Nullable var commit: String?
        let message: String
    }
    let schema = "writethru.verify/1"
    let stories: Int, revisions: Int, objects: Int
    @Nullable var remote: String?
    let problems: [Problem]
    let notes: [String]

    init(_ report: VerifyReport) {
        stories = report.stories
        revisions = report.revisions
        objects = report.objects
        remote = report.remote
        notes = report.notes
        problems = report.problems.map { Problem(story: $0.story?.value, commit: $0.commit?.hex, message: $0.message) }
    }
}
