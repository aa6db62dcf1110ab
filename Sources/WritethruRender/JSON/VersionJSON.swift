import StoryText
import Writethru

/// One version in `log`, `show` and `search --format json`.
struct VersionJSON: Encodable {
    let number: Int, headline: String, updated: String, recorded: String, commit: String
    @Nullable var tag: String?
    @Nullable var advisory: String?
    init(_ version: VersionEntry) {
        number = version.number
        tag = version.tag
        headline = version.headline
        advisory = version.advisory
        updated = Timestamp.format(version.updated)
        recorded = Timestamp.format(version.recorded)
        commit = version.commit.hex
    }
}
