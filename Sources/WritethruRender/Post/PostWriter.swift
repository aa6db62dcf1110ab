import StoryText
import Writethru

/// Writes post-ready text about one update (`timeline --format post`, `audit --format post`;
/// docs/delivery.md, "Posts"), from its `UpdateDigest` alone, so a post says what the timeline
/// says: the label and headline, the title's phrases, the advisory line, the most significant
/// claim changes, the audit's findings and, with a link base, the story's page. Text longer
/// than `limit` graphemes becomes a numbered thread (`ThreadSplitter`).
public struct PostWriter: Sendable {
    /// Bluesky's limit, in graphemes.
    public static let defaultLimit = 300
    /// The shortest limit accepted: room for a numbered headline's first words.
    public static let minimumLimit = 60

    /// What a post is about.
    public enum Focus: Sendable {
        /// What the update brought (`timeline`).
        case update
        /// The update's advisory line against what changed (`audit`).
        case audit
    }

    public let limit: Int
    /// The site's address (`writethru site` published there); nil for no link.
    public let linkBase: String?

    public init(limit: Int = defaultLimit, linkBase: String? = nil) {
        self.limit = limit
        self.linkBase = linkBase
    }

    /// The thread about one update: one post when it fits.
    /// - Complexity: O(n) in the characters of the text (`ThreadSplitter.split`).
    public func thread(_ digest: UpdateDigest, focus: Focus) -> [String] {
        ThreadSplitter.split(lines(digest, focus: focus).joined(separator: "\n"), limit: limit)
    }

    /// `<base>/stories/<id>.html`, the page `writethru site` writes for the story.
    public func link(_ story: StoryID) -> String? {
        guard var base = linkBase else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/stories/" + story.value + ".html"
    }

    /// The post's lines before any split.
    func lines(_ digest: UpdateDigest, focus: Focus) -> [String] {
        let block = digest.lines(.words)
        var lines = [Self.clean(digest.label + ": " + digest.entry.headline)]
        switch focus {
        case .update:
            if digest.isFirst {
                lines += block.filter { $0.kind == .stats }.map { Self.clean($0.text) }
            } else {
                lines.append(Self.clean(String(digest.title.dropFirst(digest.label.count + 2))))
            }
            if let advisory = digest.entry.advisory { lines.append(Self.clean("Advisory: " + advisory)) }
            for line in block {
                switch line.kind {
                case .change: lines.append(Self.clean("• " + line.text))
                case .more: lines.append(Self.clean(line.text))
                case .found, .notFound, .undeclared, .flag: lines.append(Self.clean(line.text))
                case .headline, .advisory, .stats: break
                }
            }
        case .audit:
            lines.append(Self.clean(digest.entry.advisory.map { "Advisory: " + $0 } ?? "No advisory line"))
            let findings = block.filter { [.found, .notFound, .undeclared, .flag].contains($0.kind) }
            lines += findings.map { Self.clean($0.text) }
            if digest.isFirst {
                lines.append("First version: nothing to check yet")
            } else if digest.findings == 0 {
                lines.append("Nothing undeclared, nothing flagged")
            }
        }
        if let link = link(digest.story) { lines.append(link) }
        return lines
    }

    /// Text from an input with its control characters (line breaks included) made spaces, so
    /// that a post's lines are the writer's.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? " " : scalar
        }))
    }
}
