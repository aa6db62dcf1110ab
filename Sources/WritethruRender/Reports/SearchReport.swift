import Foundation
import StoryText
import Writethru

/// Renderings of `writethru search` (docs/search.md); JSON schema `writethru.search/1`.
public enum SearchReport {
    public static func render(_ result: SearchResult, format: OutputFormat, style: TextStyle = TextStyle()) -> String {
        switch format {
        case .json: return JSONOutput.render(SearchJSON(result))
        case .text:
            var out = ""
            for hit in result.hits {
                let span = hit.first == hit.last ? TimelineReport.label(hit.first)
                    : TimelineReport.label(hit.first) + " to " + TimelineReport.label(hit.last)
                let status = hit.inLatest ? "in the latest version" : "no longer in the latest version (v\(hit.last.number) was the last to print it)"
                out += style.paint(hit.story.value, "1") + "  " + span + "  ¶\(hit.paragraph)  " + status + "\n"
                out += DiffReport.wrap(highlight(hit.sentence, result.query, style: style), width: max(20, style.width - 4))
                    .map { "    " + $0 + "\n" }.joined()
            }
            let stories = Set(result.hits.map(\.story)).count
            out += (result.hits.isEmpty ? "" : "\n") + counted(result.hits.count, "sentence", "sentences") + " in "
                + counted(stories, "story", "stories") + " (" + result.scope.rawValue + "; " + counted(result.storiesRead, "story", "stories")
                + " read)\n"
            return out
        }
    }

    /// "indexed 5 revisions of 1 story"
    public static func reindexed(stories: Int, revisions: Int) -> String {
        "indexed " + counted(revisions, "revision", "revisions") + " of " + counted(stories, "story", "stories") + "\n"
    }

    /// The sentence with the query's words in bold on a terminal.
    static func highlight(_ sentence: String, _ query: String, style: TextStyle) -> String {
        guard style.color else { return sentence }
        let words = SearchText.words([query])
        return sentence.split(separator: " ", omittingEmptySubsequences: false).map { word in
            SearchText.words([String(word)]).isDisjoint(with: words) ? String(word) : style.paint(String(word), "1;33")
        }.joined(separator: " ")
    }
}

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
            return Hit(story: hit.story.value, sentence: hit.sentence, first: version(hit.first), last: version(hit.last),
                       paragraph: hit.paragraph, inLatest: hit.inLatest)
        }
    }
}
