import Foundation
import StoryDiff
import Writethru

extension DiffReport {
    public static func markdown(_ comparison: Comparison) -> String {
        var out = "## " + Markdown.escape(comparison.to.headline) + "\n\n"
        out += "- from: " + Markdown.escape(label(comparison.from)) + "\n"
        out += "- to: " + Markdown.escape(label(comparison.to)) + "\n"
        out += "- " + stat(comparison) + "\n"
        for op in comparison.diff.ops where op.kind != .unchanged {
            out += "\n**" + op.kind.rawValue + "** " + place(op) + "\n\n"
            out += op.words.map { word -> String in
                let text = Markdown.escape(
                    word.text.replacingOccurrences(of: WordTokenizer.paragraphBreak, with: " ¶ "))
                switch word.kind {
                case .equal: return text
                case .delete: return marked(text, "~~")
                case .insert: return marked(text, "**")
                }
            }.joined() + "\n"
        }
        return out
    }

    /// Words between Markdown marks, the marks inside the spaces around them (else they do not
    /// render): "~~the old~~ ".
    static func marked(_ text: String, _ mark: String) -> String {
        mark + text.trimmingCharacters(in: .whitespaces) + mark + (text.hasSuffix(" ") ? " " : "")
    }
}
