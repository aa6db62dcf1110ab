import WritethruSupport

/// Deterministic JSON output (see `JSONCoding`).
public enum JSONOutput {
    public static func render<T: Encodable>(_ value: T) -> String {
        JSONCoding.render(value)
    }
}
