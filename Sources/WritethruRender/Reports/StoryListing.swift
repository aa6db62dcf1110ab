import Foundation
import Writethru

/// `writethru stories`, written a row at a time: the id column is as wide as the longest id
/// among the first `widthSample` stories (a longer one later pushes its row), the versions
/// column four wide. JSON Lines: one `StoryJSON` object a line, the JSON array's items.
public struct StoryListing: Sendable {
    public static let widthSample = 1_000

    public let format: ListFormat
    public let idWidth: Int

    public init(format: ListFormat, idWidth: Int) {
        self.format = format
        self.idWidth = idWidth
    }

    public init(format: OutputFormat, idWidth: Int) {
        self.init(format: format == .json ? ListFormat.json : ListFormat.text, idWidth: idWidth)
    }

    public var start: String { format == .json ? "[" : "" }

    /// One story; `position` is 0 for the first.
    public func row(_ summary: StorySummary, position: Int) -> String {
        switch format {
        case .jsonl:
            return JSONOutput.line(StoryJSON(summary))
        case .json:
            // Each object indented as an element of the array the listing is, without its newline.
            let object = JSONOutput.render(StoryJSON(summary)).dropLast()
                .split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
            return (position == 0 ? "\n" : ",\n") + object
        case .text:
            return [Self.name(summary).padding(toLength: idWidth, withPad: " ", startingAt: 0),
                    "\(summary.versions)".padding(toLength: 4, withPad: " ", startingAt: 0),
                    Timestamp.format(summary.first), Timestamp.format(summary.last),
                    TerminalSafe.escape(summary.headline)].joined(separator: "  ") + "\n"
        }
    }

    /// The id column: the story's id, after its archive when the listing reads several.
    static func name(_ summary: StorySummary) -> String {
        (summary.archive.map { $0 + ": " } ?? "") + summary.story.value
    }

    public func end(count: Int) -> String {
        guard format == .json else { return "" }
        return count == 0 ? "]\n" : "\n]\n"
    }
}
