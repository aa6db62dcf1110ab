/// The formats of `writethru audit`: `post` and `post-json` write post-ready text about one
/// update's audit (docs/delivery.md, "Posts").
public enum AuditFormat: String, CaseIterable, Sendable {
    case text, json, markdown, post
    case postJSON = "post-json"
}
