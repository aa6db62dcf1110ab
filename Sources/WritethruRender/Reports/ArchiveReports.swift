import Foundation
import StoryText
import Writethru

/// Renderings of what `record`, `stories`, `log` and `show` return.
public enum ArchiveReports {
    public static func record(_ outcomes: [RecordOutcome], format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(outcomes.map(RecordJSON.init))
        case .text:
            return Columns.render(outcomes.map {
                [$0.story.value, "v\($0.version)", $0.status.rawValue, $0.commit.short(), $0.match.rawValue,
                 $0.file + ($0.line.map { ":\($0)" } ?? "")]
            })
        }
    }

    public static func stories(_ stories: [StorySummary], format: OutputFormat) -> String {
        let listing = StoryListing(format: format, idWidth: stories.map(\.story.value.count).max() ?? 0)
        return listing.start + stories.enumerated().map { listing.row($0.element, position: $0.offset) }.joined()
            + listing.end(count: stories.count)
    }

    public static func log(_ versions: [VersionEntry], story: StoryID, format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(LogJSON(story: story.value, versions: versions.map(VersionJSON.init)))
        case .text:
            return Columns.render(versions.map { version in
                let title = version.headline + (version.advisory.map { "  " + $0 } ?? "")
                return ["\(version.number)", version.tag ?? "-", Timestamp.format(version.updated),
                        version.commit.short(), title]
            })
        }
    }

    public static func show(_ version: VersionEntry, text: String, format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(ShowJSON(story: version.story.value, version: VersionJSON(version), text: text))
        case .text: return text
        }
    }
}

struct RecordJSON: Encodable {
    let file: String
    @Nullable var line: Int?
    let story: String, match: String, version: Int, status: String, commit: String
    init(_ outcome: RecordOutcome) {
        file = outcome.file
        line = outcome.line
        match = outcome.match.rawValue
        story = outcome.story.value
        version = outcome.version
        status = outcome.status.rawValue
        commit = outcome.commit.hex
    }
}

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
            let object = JSONOutput.render(StoryJSON(summary)).dropLast().split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n")
            return (position == 0 ? "\n" : ",\n") + object
        case .text:
            return [summary.story.value.padding(toLength: idWidth, withPad: " ", startingAt: 0),
                    "\(summary.versions)".padding(toLength: 4, withPad: " ", startingAt: 0),
                    Timestamp.format(summary.first), Timestamp.format(summary.last), summary.headline].joined(separator: "  ") + "\n"
        }
    }

    public func end(count: Int) -> String {
        format == .json ? (count == 0 ? "]\n" : "\n]\n") : ""
    }
}

struct StoryJSON: Encodable {
    let story: String, versions: Int, first: String, last: String, headline: String
    init(_ summary: StorySummary) {
        story = summary.story.value
        versions = summary.versions
        first = Timestamp.format(summary.first)
        last = Timestamp.format(summary.last)
        headline = summary.headline
    }
}

struct VersionJSON: Encodable {
    let number: Int, headline: String, updated: String, recorded: String, commit: String
    @Nullable var tag: String?
    @Nullable var advisory: String?
    init(_ version: VersionEntry) {
        number = version.number
        tag = version.tag
        headline = version.headline
        advisory = version.advisory
        updated = Timestamp.format(version.updated)
        recorded = Timestamp.format(version.recorded)
        commit = version.commit.hex
    }
}

struct LogJSON: Encodable {
    let story: String
    let versions: [VersionJSON]
}

struct ShowJSON: Encodable {
    let story: String
    let version: VersionJSON
    let text: String
}
