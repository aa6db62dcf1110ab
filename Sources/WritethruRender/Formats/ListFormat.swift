/// The formats of the commands that list things (`stories`, `log`, `search`, `changes`): text,
/// one JSON document, or JSON Lines (`jsonl`: one object a line, the objects the JSON form's
/// array holds; docs/delivery.md, "JSON Lines").
public enum ListFormat: String, CaseIterable, Sendable {
    case text, json, jsonl
}
