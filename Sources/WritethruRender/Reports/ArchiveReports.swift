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
    /// `log`: a row per version and, under the version it followed, a row per capture event
    /// (the page gone or back).
    public static func log(_ versions: [VersionEntry], events: [CommitID: [CaptureEvent]] = [:], story: StoryID,
                           format: ListFormat) -> String {
        switch format {
        case .jsonl: return versions.map { JSONOutput.line(VersionJSON($0)) }.joined()
        case .json:
            let noted = versions.flatMap { version in
                (events[version.commit] ?? []).map { event in
                    LogJSON.EventJSON(version: version.number, kind: event.kind.rawValue, status: event.status,
                                      url: event.url, at: Timestamp.format(event.at))
                }
            }
            return JSONOutput.render(LogJSON(story: story.value, versions: versions.map(VersionJSON.init),
                                             events: noted))
        case .text:
            return Columns.render(versions.flatMap { version in
                let title = version.headline + (version.advisory.map { "  " + $0 } ?? "")
                let row = ["\(version.number)", version.tag ?? "-", Timestamp.format(version.updated),
                           version.commit.short(), title]
                let noted = (events[version.commit] ?? []).map { event in
                    ["", "", Timestamp.format(event.at), "", "(page \(event.kind.rawValue): HTTP \(event.status) \(event.url))"]
                }
                return [row] + noted
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
