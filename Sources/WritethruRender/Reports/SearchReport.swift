import StoryText
import Writethru

/// Renderings of `writethru search` (docs/search.md); JSON schema `writethru.search/2`.
public enum SearchReport {
    /// JSON Lines: one hit a line, the items of the JSON form's `hits` (the query, scope, total
    /// and stories count are not written: docs/delivery.md, "JSON Lines").
    public static func render(_ result: SearchResult, format: ListFormat, style: TextStyle = TextStyle()) -> String {
        switch format {
        case .jsonl: return SearchJSON(result).hits.map(JSONOutput.line).joined()
        case .json: return JSONOutput.render(SearchJSON(result))
        case .text:
            var out = ""
            for hit in result.hits {
                let span = hit.first == hit.last ? label(hit.first) : label(hit.first) + " to " + label(hit.last)
                let status = hit.inLatest ? "in the latest version"
                    : "no longer in the latest version (v\(hit.last.number) was the last to print it)"
                let name = (hit.archive.map { $0 + ": " } ?? "") + hit.story.value
                out += style.paint(name, "1") + "  " + span + "  ¶\(hit.paragraph)  " + status + "\n"
                let snippet = marked(hit.snippet, start: style.color ? "\u{1B}[1;33m" : "",
                                     end: style.color ? "\u{1B}[0m" : "")
                out += TextLayout.wrap(snippet, width: max(20, style.width - 4)).map { "    " + $0 + "\n" }.joined()
            }
            let found = counted(result.total, "sentence", "sentences") + " in " + counted(result.stories, "story", "stories")
            let shown = result.hits.count < result.total
                ? "showing the best \(result.hits.count) of " + found + " (" + result.scope.rawValue
                    + "; --limit 0 shows all)"
                : found + " (" + result.scope.rawValue + ")"
            out += (result.hits.isEmpty ? "" : "\n") + shown + "\n"
            return out
        }
    }

    /// "v3 UPDATE 2"
    static func label(_ version: SearchVersion) -> String {
        "v\(version.number)" + (version.tag.map { " " + $0 } ?? "")
    }

    /// A snippet with its match marks replaced by `start` and `end`.
    static func marked(_ snippet: String, start: String, end: String) -> String {
        let (open, close) = (SearchHit.markStart.unicodeScalars.first, SearchHit.markEnd.unicodeScalars.first)
        var out = String.UnicodeScalarView()
        for scalar in snippet.unicodeScalars {
            switch scalar {
            case open: out.append(contentsOf: start.unicodeScalars)
            case close: out.append(contentsOf: end.unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// "indexed 5 revisions of 1 story"
    public static func reindexed(stories: Int, revisions: Int) -> String {
        "indexed " + counted(revisions, "revision", "revisions") + " of " + counted(stories, "story", "stories") + "\n"
    }
}
