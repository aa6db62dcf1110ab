import Foundation
import StoryDiff
import Writethru

extension DiffReport {
    public static func html(_ comparison: Comparison) -> String {
        var body = "<h1>" + HTML.escape(comparison.to.headline) + "</h1>\n"
        body += "<p class=\"sides\"><span class=\"from\">" + HTML.escape(label(comparison.from))
            + "</span><br><span class=\"to\">" + HTML.escape(label(comparison.to)) + "</span></p>\n"
            + "<p class=\"stat\">" + HTML.escape(stat(comparison)) + "</p>\n"
        for op in comparison.diff.ops {
            let kind = op.kind.rawValue
            body += "<section class=\"op \(kind)\"><div class=\"where\">" + HTML.escape(kind + " " + place(op))
                + "</div><p>"
            body += op.words.map { word -> String in
                let text = HTML.escape(word.text)
                    .replacingOccurrences(of: WordTokenizer.paragraphBreak, with: "<span class=\"break\">¶</span> ")
                switch word.kind {
                case .equal: return text
                case .delete: return "<del>" + text + "</del>"
                case .insert: return "<ins>" + text + "</ins>"
                }
            }.joined() + "</p></section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(comparison.to.headline))</title>
            <style>
            body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
            h1{font-size:1.4em}.sides,.stat{font:13px/1.4 monospace;color:#555}
            .op{border-left:4px solid #ddd;padding:.2em .8em;margin:.8em 0}.where{font:12px monospace;color:#666}
            .unchanged{color:#777}.added{border-color:#2a8a3e}.removed{border-color:#c0392b}
            .changed{border-color:#d4a017}.moved,.moved-and-changed{border-color:#2471a3}.split,.merged{border-color:#8e44ad}
            del{background:#fbe3e0;color:#8a1c12}ins{background:#e0f5e4;color:#145a24;text-decoration:none}
            .removed p{text-decoration:line-through}.break{color:#8e44ad;font-weight:bold}
            </style></head><body>
            \(body)</body></html>

            """
    }
}
