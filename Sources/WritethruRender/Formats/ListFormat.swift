/// The formats of the commands that list things (`stories`, `log`, `search`, `changes`): text,
/// one JSON document, or JSON Lines (`jsonl`: one object a line, the objects the JSON form's
/// array holds; docs/delivery.md, "JSON Lines").
public enum ListFormat: String, CaseIterable, Sendable {
    case text, json, jsonl

    /// The text or JSON form (JSON Lines are written by each listing itself).
    public var output: OutputFormat { self == .text ? .text : .json }
}
