import Foundation
import Writethru

/// `writethru stories`, written a row at a time: the id column is as wide as the longest id
/// among the first `widthSample` stories (a longer one later pushes its row), the versions
/// column four wide.
public struct StoryListing: Sendable {
    public static let widthSample = 1_000

    public let format: OutputFormat
    public let idWidth: Int

    public init(format: OutputFormat, idWidth: Int) {
        self.format = format
        self.idWidth = idWidth
    }

    public var start: String { format == .json ? "[" : "" }

    /// One story; `position` is 0 for the first.
    public func row(_ summary: StorySummary, position: Int) -> String {
        switch format {
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
