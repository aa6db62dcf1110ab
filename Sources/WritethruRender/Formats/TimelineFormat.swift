/// The formats of `writethru timeline`: the story reports' formats, and `post` and `post-json`
/// for post-ready text about one update (docs/delivery.md, "Posts").
public enum TimelineFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html, post
    case postJSON = "post-json"

    /// The story report format this is, nil for the post formats.
    public var report: ReportFormat? { ReportFormat(rawValue: rawValue) }
}
