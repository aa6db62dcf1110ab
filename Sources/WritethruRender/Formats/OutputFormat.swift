/// The formats a report can be printed in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json
}
