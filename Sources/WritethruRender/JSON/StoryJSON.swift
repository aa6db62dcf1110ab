import StoryText
import Writethru

/// One story in `stories --format json`.
struct StoryJSON: Encodable {
    @Nullable var archive: String?
    let story: String, versions: Int, first: String, last: String, headline: String
    init(_ summary: StorySummary) {
        archive = summary.archive
        story = summary.story.value
        versions = summary.versions
        first = Timestamp.format(summary.first)
        last = Timestamp.format(summary.last)
        headline = summary.headline
    }
}
