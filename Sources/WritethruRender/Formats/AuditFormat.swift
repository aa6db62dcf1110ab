/// The formats of `writethru audit`.
public enum AuditFormat: String, CaseIterable, Sendable { case text, json, markdown }
