/// A value SQLite stores: the four types a Writethru table uses (no blobs).
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }
    public static func optional(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    public static func optional(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
}
