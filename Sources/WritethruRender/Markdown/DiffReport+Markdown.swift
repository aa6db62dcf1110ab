import Foundation
import StoryDiff
import Writethru

extension DiffReport {
    public static func markdown(_ comparison: Comparison) -> String {
        var out = "## " + Markdown.escape(comparison.to.headline) + "\n\n"
        out += "- from: " + Markdown.escape(label(comparison.from)) + "\n- to: " + Markdown.escape(label(comparison.to)) + "\n"
        out += "- " + stat(comparison) + "\n"
        for op in comparison.diff.ops where op.kind != .unchanged {
            out += "\n**" + op.kind.rawValue + "** " + numbers(op.old) + (op.old.isEmpty || op.new.isEmpty ? "" : " → ") + numbers(op.new) + "\n\n"
            out += op.words.map { word -> String in
                let text = Markdown.escape(word.text.replacingOccurrences(of: WordTokenizer.paragraphBreak, with: " ¶ "))
                switch word.kind {
                case .equal: return text
                case .delete: return "~~" + text.trimmingCharacters(in: .whitespaces) + "~~" + (text.hasSuffix(" ") ? " " : "")
                case .insert: return "**" + text.trimmingCharacters(in: .whitespaces) + "**" + (text.hasSuffix(" ") ? " " : "")
                }
            }.joined() + "\n"
        }
        return out
    }
}
