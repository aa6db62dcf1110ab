import StoryText
import Writethru

/// `search --format json`, schema `writethru.search/1`.
struct SearchJSON: Encodable {
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        let updated: String
    }
    struct Hit: Encodable {
        let story: String, sentence: String, first: Version, last: Version, paragraph: Int, inLatest: Bool
    }
    let schema = "writethru.search/1"
    let query: String
    let scope: String
    let storiesRead: Int
    let hits: [Hit]

    init(_ result: SearchResult) {
        query = result.query
        scope = result.scope.rawValue
        storiesRead = result.storiesRead
        hits = result.hits.map { hit in
            func version(_ entry: VersionEntry) -> Version {
                Version(number: entry.number, tag: entry.tag, updated: Timestamp.format(entry.updated))
            }
            return Hit(story: hit.story.value, sentence: hit.sentence, first: version(hit.first),
                       last: version(hit.last), paragraph: hit.paragraph, inLatest: hit.inLatest)
        }
    }
}
