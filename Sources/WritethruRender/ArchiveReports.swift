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
        switch format {
        case .json: return JSONOutput.render(stories.map(StoryJSON.init))
        case .text:
            return Columns.render(stories.map {
                [$0.story.value, "\($0.versions)", Timestamp.format($0.first), Timestamp.format($0.last), $0.headline]
            })
        }
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
