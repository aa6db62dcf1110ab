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
                let status = hit.inLatest ? "in the latest version"
                    : "no longer in the latest version (v\(hit.last.number) was the last to print it)"
                out += style.paint(hit.story.value, "1") + "  " + span + "  ¶\(hit.paragraph)  " + status + "\n"
                let sentence = highlight(hit.sentence, result.query, style: style)
                out += TextLayout.wrap(sentence, width: max(20, style.width - 4)).map { "    " + $0 + "\n" }.joined()
            }
            let stories = Set(result.hits.map(\.story)).count
            out += (result.hits.isEmpty ? "" : "\n") + counted(result.hits.count, "sentence", "sentences") + " in "
                + counted(stories, "story", "stories") + " (" + result.scope.rawValue + "; "
                + counted(result.storiesRead, "story", "stories") + " read)\n"
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
