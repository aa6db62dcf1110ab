import Foundation
import StoryDiff
import StoryText
import Writethru

/// How a terminal diff is drawn.
public struct DiffStyle: Sendable {
    public var color: Bool
    public var width: Int
    public var sideBySide: Bool

    public init(color: Bool = false, width: Int = 100, sideBySide: Bool = false) {
        self.color = color
        self.width = width
        self.sideBySide = sideBySide
    }
}

/// Renderings of a paragraph diff: terminal text (inline or side by side), a one-line stat,
/// JSON (schema `writethru.diff/1`, docs/schema/diff.schema.json), Markdown and HTML.
public enum DiffReport {
    public static func stat(_ comparison: Comparison) -> String {
        let diff = comparison.diff
        var parts = ["+\(diff.count(.added)) added", "-\(diff.count(.removed)) removed",
                     "~\(diff.count(.changed) + diff.count(.movedChanged)) changed",
                     "\(diff.count(.moved) + diff.count(.movedChanged)) moved"]
        if diff.count(.split) > 0 { parts.append("\(diff.count(.split)) split") }
        if diff.count(.merged) > 0 { parts.append("\(diff.count(.merged)) merged") }
        return parts.joined(separator: "  ")
    }

    // MARK: Text

    public static func text(_ comparison: Comparison, style: DiffStyle) -> String {
        var out = "--- " + label(comparison.from) + "\n+++ " + label(comparison.to) + "\n"
        if comparison.from.headline != comparison.to.headline {
            out += "headline: " + inline(WordDiffer.diff(comparison.from.headline, comparison.to.headline).ops, style: style) + "\n"
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

    static func label(_ side: ComparedSide) -> String {
        if let version = side.version {
            return "\(version.story) v\(version.number)" + (version.tag.map { " \($0)" } ?? "") + "  "
                + Timestamp.format(version.updated) + "  " + version.commit.short() + "  " + side.headline
        }
        return (side.file ?? "-") + "  " + side.headline
    }

    static let marks: [ParagraphOp.Kind: String] = [
        .unchanged: " ", .changed: "~", .added: "+", .removed: "-", .moved: ">", .movedChanged: ">", .split: "<", .merged: "<",
    ]

    static func numbers(_ list: [Int]) -> String {
        list.isEmpty ? "" : "¶" + list.map(String.init).joined(separator: "+")
    }

    static func heading(_ op: ParagraphOp, style: DiffStyle) -> String {
        let place: String
        switch op.kind {
        case .added: place = "new " + numbers(op.new)
        case .removed: place = "old " + numbers(op.old)
        default: place = numbers(op.old) + " -> " + numbers(op.new)
        }
        let similarity = [.changed, .movedChanged, .split, .merged].contains(op.kind) ? String(format: "  %.2f", op.similarity) : ""
        let line = (marks[op.kind] ?? " ") + " " + place + "  " + op.kind.rawValue + similarity
        guard style.color else { return line }
        let color = op.kind == .added ? "32" : op.kind == .removed ? "31" : [.moved, .movedChanged].contains(op.kind) ? "36" : "33"
        return "\u{1B}[1;\(color)m" + line + "\u{1B}[0m"
    }

    /// Words with `[-removed-]{+added+}` markers, or colours on a terminal; paragraph
    /// boundaries of splits and merges as ` ¶ `.
    static func inline(_ words: [WordOp], style: DiffStyle) -> String {
        words.map { word -> String in
            // A kept word keeps the space it had when the edit after it is a deletion at the end.
            let shown = word.kind == .equal && word.oldText.count > word.text.count && word.oldText.hasPrefix(word.text) ? word.oldText : word.text
            let text = shown.replacingOccurrences(of: WordTokenizer.paragraphBreak, with: " ¶ ")
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
        let left = inline(op.words.filter { $0.kind != .insert }.map { $0.kind == .equal ? WordOp(.equal, $0.oldText) : $0 }, style: style)
        let right = inline(op.words.filter { $0.kind != .delete }, style: style)
        let leftLines = op.old.isEmpty ? [] : wrap(left, width: column)
        let rightLines = op.new.isEmpty ? [] : wrap(right, width: column)
        var out = ""
        for row in 0..<max(leftLines.count, rightLines.count) {
            let l = row < leftLines.count ? leftLines[row] : ""
            let r = row < rightLines.count ? rightLines[row] : ""
            out += "    " + l + String(repeating: " ", count: max(0, column - visibleWidth(l))) + " | " + r + "\n"
        }
        return out
    }

    /// Width on screen: characters, not counting ANSI escape sequences.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }

    /// Greedy word wrap on spaces, measured in visible width.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = visibleWidth(String(word))
            if line.isEmpty {
                line = String(word)
                lineWidth = wordWidth
            } else if lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = String(word)
                lineWidth = wordWidth
            } else {
                line += " " + word
                lineWidth += 1 + wordWidth
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: JSON

    public static func json(_ comparison: Comparison) -> String {
        JSONOutput.render(DiffJSON(comparison))
    }

    // MARK: Markdown

    public static func markdown(_ comparison: Comparison) -> String {
        var out = "## " + escapeMarkdown(comparison.to.headline) + "\n\n"
        out += "- from: " + escapeMarkdown(label(comparison.from)) + "\n- to: " + escapeMarkdown(label(comparison.to)) + "\n"
        out += "- " + stat(comparison) + "\n"
        for op in comparison.diff.ops where op.kind != .unchanged {
            out += "\n**" + op.kind.rawValue + "** " + numbers(op.old) + (op.old.isEmpty || op.new.isEmpty ? "" : " → ") + numbers(op.new) + "\n\n"
            out += op.words.map { word -> String in
                let text = escapeMarkdown(word.text.replacingOccurrences(of: WordTokenizer.paragraphBreak, with: " ¶ "))
                switch word.kind {
                case .equal: return text
                case .delete: return "~~" + text.trimmingCharacters(in: .whitespaces) + "~~" + (text.hasSuffix(" ") ? " " : "")
                case .insert: return "**" + text.trimmingCharacters(in: .whitespaces) + "**" + (text.hasSuffix(" ") ? " " : "")
                }
            }.joined() + "\n"
        }
        return out
    }

    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]<>#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    // MARK: HTML

    public static func html(_ comparison: Comparison) -> String {
        var body = "<h1>" + escapeHTML(comparison.to.headline) + "</h1>\n"
        body += "<p class=\"sides\"><span class=\"from\">" + escapeHTML(label(comparison.from)) + "</span><br><span class=\"to\">"
            + escapeHTML(label(comparison.to)) + "</span></p>\n<p class=\"stat\">" + escapeHTML(stat(comparison)) + "</p>\n"
        for op in comparison.diff.ops {
            let kind = op.kind.rawValue
            body += "<section class=\"op \(kind)\"><div class=\"where\">" + escapeHTML(kind + " " + numbers(op.old)
                + (op.old.isEmpty || op.new.isEmpty ? "" : " → ") + numbers(op.new)) + "</div><p>"
            body += op.words.map { word -> String in
                let text = escapeHTML(word.text).replacingOccurrences(of: WordTokenizer.paragraphBreak, with: "<span class=\"break\">¶</span> ")
                switch word.kind {
                case .equal: return text
                case .delete: return "<del>" + text + "</del>"
                case .insert: return "<ins>" + text + "</ins>"
                }
            }.joined() + "</p></section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escapeHTML(comparison.to.headline))</title>
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

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// `diff --format json`, schema `writethru.diff/1`.
struct DiffJSON: Encodable {
    let comparison: Comparison
    init(_ comparison: Comparison) { self.comparison = comparison }

    struct Side: Encodable {
        let side: ComparedSide
        enum CodingKeys: String, CodingKey { case story, number, tag, updated, commit, file, headline, paragraphs }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(side.version?.story.value, forKey: .story)
            try c.encode(side.version?.number, forKey: .number)
            try c.encode(side.version?.tag, forKey: .tag)
            try c.encode(side.version.map { Timestamp.format($0.updated) }, forKey: .updated)
            try c.encode(side.version?.commit.hex, forKey: .commit)
            try c.encode(side.file, forKey: .file)
            try c.encode(side.headline, forKey: .headline)
            try c.encode(side.paragraphs.count, forKey: .paragraphs)
        }
    }

    struct Paragraph: Encodable {
        let kind: String, old: [Int], new: [Int], similarity: Double, words: [Word]
    }

    struct Word: Encodable {
        let op: String, text: String
    }

    struct Stat: Encodable {
        let added: Int, removed: Int, changed: Int, moved: Int, split: Int, merged: Int, unchanged: Int
    }

    enum CodingKeys: String, CodingKey { case schema, from, to, stat, paragraphs, claims, greedyPairing, wordDiffGaveUp }

    func encode(to encoder: Encoder) throws {
        let diff = comparison.diff
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("writethru.diff/1", forKey: .schema)
        try c.encode(Side(side: comparison.from), forKey: .from)
        try c.encode(Side(side: comparison.to), forKey: .to)
        try c.encode(Stat(added: diff.count(.added), removed: diff.count(.removed),
                          changed: diff.count(.changed) + diff.count(.movedChanged),
                          moved: diff.count(.moved) + diff.count(.movedChanged), split: diff.count(.split),
                          merged: diff.count(.merged), unchanged: diff.count(.unchanged)), forKey: .stat)
        try c.encode(diff.ops.map { op in
            Paragraph(kind: op.kind.rawValue, old: op.old, new: op.new, similarity: (op.similarity * 10_000).rounded() / 10_000,
                      words: op.words.map { Word(op: $0.kind.rawValue, text: $0.text) })
        }, forKey: .paragraphs)
        try c.encode(comparison.claims.map(ClaimJSON.init), forKey: .claims)
        try c.encode(diff.usedGreedyPairing, forKey: .greedyPairing)
        try c.encode(diff.wordDiffGaveUp, forKey: .wordDiffGaveUp)
    }
}

/// One claim change in JSON (`diff --format json` and `claims --format json`).
struct ClaimJSON: Encodable {
    let change: ClaimChange
    init(_ change: ClaimChange) { self.change = change }
    enum CodingKeys: String, CodingKey { case kind, significance, old, new, from, to, reason, paragraph }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(change.kind.rawValue, forKey: .kind)
        try c.encode(change.significance.rawValue, forKey: .significance)
        try c.encode(change.old, forKey: .old)
        try c.encode(change.new, forKey: .new)
        try c.encode(change.from, forKey: .from)
        try c.encode(change.to, forKey: .to)
        try c.encode(change.reason, forKey: .reason)
        try c.encode(change.paragraph, forKey: .paragraph)
    }
}

/// Renderings of claim changes (`writethru claims`).
public enum ClaimReport {
    public static func render(_ comparison: Comparison, format: OutputFormat, minimum: ClaimChange.Significance) -> String {
        let changes = comparison.claims.filter { $0.significance >= minimum }
        switch format {
        case .json:
            struct Output: Encodable {
                let schema = "writethru.claims/1"
                let changes: [ClaimJSON]
            }
            return JSONOutput.render(Output(changes: changes.map(ClaimJSON.init)))
        case .text:
            var out = "--- " + DiffReport.label(comparison.from) + "\n+++ " + DiffReport.label(comparison.to) + "\n"
            out += "\(changes.count) claim changes\n"
            for change in changes {
                out += "\n¶\(change.paragraph)  \(change.significance.rawValue)  \(change.kind.rawValue): \(change.reason)\n"
                if let old = change.old { out += "  - " + old + "\n" }
                if let new = change.new { out += "  + " + new + "\n" }
            }
            return out
        }
    }

    /// The claims of each sentence of one revision (`parse --claims`).
    public static func claims(of paragraphs: [String], format: OutputFormat) -> String {
        let sentences = paragraphs.enumerated().flatMap { number, paragraph in
            ClaimExtractor.claims(ofParagraph: SentenceSegmenter.sentences(paragraph)).map { (number + 1, $0) }
        }
        switch format {
        case .json:
            struct Quantity: Encodable { let text: String; let value: Double?; let unit: String; let approximator: String }
            struct Attribution: Encodable { let source: String; let cue: String }
            struct Sentence: Encodable {
                let paragraph: Int, sentence: String, quantities: [Quantity], dates: [String], attributions: [Attribution]
                let quotes: [String], entities: [String], titles: [String], negations: [String], hedges: [String]
            }
            return JSONOutput.render(sentences.map { number, claim in
                Sentence(paragraph: number, sentence: claim.sentence,
                         quantities: claim.quantities.map { Quantity(text: $0.text, value: $0.value, unit: $0.unit, approximator: $0.approximator) },
                         dates: claim.dates, attributions: claim.attributions.map { Attribution(source: $0.source, cue: $0.cue) },
                         quotes: claim.quotes, entities: claim.entities, titles: claim.titles, negations: claim.negations,
                         hedges: claim.hedges)
            })
        case .text:
            var out = ""
            for (number, claim) in sentences {
                out += "¶\(number)  " + claim.sentence + "\n"
                let slots: [(String, [String])] = [
                    ("quantity", claim.quantities.map { ($0.approximator.isEmpty ? "" : $0.approximator + " ") + $0.text }),
                    ("date", claim.dates), ("attribution", claim.attributions.map { "\($0.source) (\($0.cue))" }),
                    ("quote", claim.quotes), ("name", claim.entities), ("title", claim.titles),
                    ("negation", claim.negations), ("hedge", claim.hedges),
                ]
                for (label, values) in slots where !values.isEmpty {
                    out += "      " + label + ": " + values.joined(separator: "; ") + "\n"
                }
            }
            return out
        }
    }
}

/// Renderings of `writethru audit`.
public enum AuditReport {
    public static func render(_ audit: StoryAudit, format: AuditFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(AuditJSON(audit: audit))
        case .text, .markdown:
            let markdown = format == .markdown
            var out = markdown ? "## Audit of \(audit.story)\n" : "audit of \(audit.story)\n"
            for version in audit.versions {
                let entry = version.entry
                out += "\n" + (markdown ? "### " : "") + "v\(entry.number)" + (entry.tag.map { " \($0)" } ?? "") + "  "
                    + (version.advisory?.text ?? "(no advisory line)") + "\n"
                if markdown { out += "\n" }
                for item in version.audit.items {
                    out += (markdown ? "- " : "  ") + (item.found ? "found      " : "NOT FOUND  ") + item.text
                        + (item.found ? "  (\(item.changes.count) changes)" : "") + "\n"
                }
                for change in version.audit.undeclared {
                    out += (markdown ? "- " : "  ") + "UNDECLARED ¶\(change.paragraph) \(change.kind.rawValue): \(change.reason)\n"
                }
                for flag in version.audit.flags { out += (markdown ? "- " : "  ") + "FLAG       " + flag + "\n" }
            }
            let undeclared = audit.versions.reduce(0) { $0 + $1.audit.undeclared.count }
            let flags = audit.versions.reduce(0) { $0 + $1.audit.flags.count }
            out += "\n\(undeclared) undeclared substantive changes, \(flags) flags\n"
            return out
        }
    }
}

public enum AuditFormat: String, CaseIterable, Sendable { case text, json, markdown }

struct AuditJSON: Encodable {
    let audit: StoryAudit
    struct Item: Encodable { let text: String; let status: String; let changes: [ClaimJSON] }
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        @Nullable var advisory: String?
        let items: [Item], undeclared: [ClaimJSON], flags: [String]
    }
    enum CodingKeys: String, CodingKey { case schema, story, versions }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("writethru.audit/1", forKey: .schema)
        try c.encode(audit.story.value, forKey: .story)
        try c.encode(audit.versions.map { version in
            Version(number: version.entry.number, tag: version.entry.tag, advisory: version.advisory?.text,
                    items: version.audit.items.map { Item(text: $0.text, status: $0.found ? "found" : "not-found", changes: $0.changes.map(ClaimJSON.init)) },
                    undeclared: version.audit.undeclared.map(ClaimJSON.init), flags: version.audit.flags)
        }, forKey: .versions)
    }
}
