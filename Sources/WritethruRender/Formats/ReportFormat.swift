/// The formats of the story reports: timeline, blame and history.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html
}
