import StoryText
import Writethru

/// Renderings of what `record`, `stories`, `log` and `show` return.
public enum ArchiveReports {
    /// `hooks` holds what the post-record hook did for each outcome, in the same order (nil, or
    /// left out at the end, where none ran); text shows none of it (a hook that failed is a
    /// warning on standard error).
    public static func record(_ outcomes: [RecordOutcome], hooks: [HookOutcome?] = [],
                              format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONOutput.render(outcomes.indices.map { index in
                RecordJSON(outcomes[index], hook: index < hooks.count ? hooks[index] : nil)
            })
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

    /// `log`; JSON Lines: one `VersionJSON` a line, the items of the JSON form's `versions`.
    public static func log(_ versions: [VersionEntry], story: StoryID, format: ListFormat) -> String {
        switch format {
        case .jsonl: return versions.map { JSONOutput.line(VersionJSON($0)) }.joined()
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
        case .json:
            return JSONOutput.render(ShowJSON(story: version.story.value, version: VersionJSON(version), text: text))
        case .text: return text
        }
    }
}
