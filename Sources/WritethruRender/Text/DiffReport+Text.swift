import Foundation
import StoryDiff
import Writethru
import WritethruSupport

/// The terminal text of a diff: inline with `[-removed-]{+added+}` marks or colours, or side by side.
extension DiffReport {
    public static func text(_ comparison: Comparison, style: DiffStyle) -> String {
        var out = "--- " + TerminalSafe.escape(label(comparison.from)) + "\n+++ "
            + TerminalSafe.escape(label(comparison.to)) + "\n"
        if comparison.from.headline != comparison.to.headline {
            let headline = WordDiffer.diff(comparison.from.headline, comparison.to.headline).ops
            out += "headline: " + inline(headline, style: style) + "\n"
        }
        out += stat(comparison) + "\n"
        if comparison.diff.usedGreedyPairing {
            out += "note: too many unmatched paragraphs for the optimal pairing; a greedy pairing was used\n"
        }
        if comparison.diff.wordDiffGaveUp {
            out += "note: some paragraphs were too long to compare word by word and are shown replaced whole\n"
        }
        var unchangedRun: [Int] = []
        func flushUnchanged() {
            guard let first = unchangedRun.first, let last = unchangedRun.last else { return }
            out += "\n= new " + (first == last ? "¶\(first)" : "¶\(first)-\(last)") + "  unchanged\n"
            unchangedRun = []
        }
        for op in comparison.diff.ops {
            if op.kind == .unchanged {
                unchangedRun += op.new
                continue
            }
            flushUnchanged()
            out += "\n" + heading(op, style: style) + "\n"
            out += style.sideBySide ? sideBySide(op, style: style) : "    " + inline(op.words, style: style) + "\n"
        }
        flushUnchanged()
        return out
    }

    static let marks: [ParagraphOp.Kind: String] = [
        .unchanged: " ", .changed: "~", .added: "+", .removed: "-", .moved: ">", .movedChanged: ">",
        .split: "<", .merged: "<",
    ]

    static func heading(_ op: ParagraphOp, style: DiffStyle) -> String {
        let place: String
        switch op.kind {
        case .added: place = "new " + numbers(op.new)
        case .removed: place = "old " + numbers(op.old)
        default: place = numbers(op.old) + " -> " + numbers(op.new)
        }
        let scored: Set<ParagraphOp.Kind> = [.changed, .movedChanged, .split, .merged]
        let similarity = scored.contains(op.kind) ? "  " + FixedDecimal.format(op.similarity, places: 2) : ""
        let line = (marks[op.kind] ?? " ") + " " + place + "  " + op.kind.rawValue + similarity
        guard style.color else { return line }
        return "\u{1B}[1;\(color(of: op.kind))m" + line + "\u{1B}[0m"
    }

    /// The ANSI colour of a paragraph's heading: green added, red removed, cyan moved, yellow
    /// the rest (changed, split, merged).
    static func color(of kind: ParagraphOp.Kind) -> String {
        switch kind {
        case .added: "32"
        case .removed: "31"
        case .moved, .movedChanged: "36"
        default: "33"
        }
    }

    /// The paragraph-break token (U+2029, a grapheme of its own, so splitting on it as a
    /// Character is exact).
    private static let paragraphBreak = Character(WordTokenizer.paragraphBreak)

    /// Words with `[-removed-]{+added+}` markers, or colours on a terminal; paragraph
    /// boundaries of splits and merges as ` ¶ `.
    static func inline(_ words: [WordOp], style: DiffStyle) -> String {
        words.map { word -> String in
            let text = word.shown.contains(paragraphBreak)
                ? word.shown.split(separator: paragraphBreak, omittingEmptySubsequences: false).joined(separator: " ¶ ")
                : word.shown
            switch (word.kind, style.color) {
            case (.equal, _): return text
            case (.delete, false): return "[-" + text + "-]"
            case (.insert, false): return "{+" + text + "+}"
            case (.delete, true): return "\u{1B}[9;31m" + text + "\u{1B}[0m"
            case (.insert, true): return "\u{1B}[32m" + text + "\u{1B}[0m"
            }
        }.joined()
    }

    /// The old text on the left, the new on the right, wrapped to half the width each.
    static func sideBySide(_ op: ParagraphOp, style: DiffStyle) -> String {
        let column = max(20, (style.width - 7) / 2)
        let oldWords = op.words.filter { $0.kind != .insert }
            .map { $0.kind == .equal ? WordOp(.equal, $0.oldText) : $0 }
        let left = inline(oldWords, style: style)
        let right = inline(op.words.filter { $0.kind != .delete }, style: style)
        let leftLines = op.old.isEmpty ? [] : TextLayout.wrap(left, width: column)
        let rightLines = op.new.isEmpty ? [] : TextLayout.wrap(right, width: column)
        var out = ""
        for row in 0..<max(leftLines.count, rightLines.count) {
            let l = row < leftLines.count ? leftLines[row] : ""
            let r = row < rightLines.count ? rightLines[row] : ""
            let padding = String(repeating: " ", count: max(0, column - TextLayout.visibleWidth(l)))
            out += "    " + l + padding + " | " + r + "\n"
        }
        return out
    }
}
