import StoryText
import Writethru

/// `search --format json`, schema `writethru.search/2`.
struct SearchJSON: Encodable {
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        let updated: String
    }
    struct Hit: Encodable {
        @Nullable var archive: String?
        let story: String, sentence: String, snippet: String, rank: Double, first: Version, last: Version
        let paragraph: Int, inLatest: Bool
    }
    let schema = "writethru.search/2"
    let query: String
    let scope: String
    let total: Int
    let stories: Int
    let hits: [Hit]

    init(_ result: SearchResult) {
        query = result.query
        scope = result.scope.rawValue
        total = result.total
        stories = result.stories
        hits = result.hits.map { hit in
            func version(_ entry: SearchVersion) -> Version {
                Version(number: entry.number, tag: entry.tag, updated: Timestamp.format(entry.updated))
            }
            return Hit(archive: hit.archive, story: hit.story.value, sentence: hit.sentence,
                       snippet: SearchReport.marked(hit.snippet, start: "**", end: "**"),
                       rank: (hit.rank * 1_000_000).rounded() / 1_000_000, first: version(hit.first),
                       last: version(hit.last), paragraph: hit.paragraph, inLatest: hit.inLatest)
        }
    }
}
