/// Why an input could not be read as a revision.
public enum ReadingError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary
    case invalidUTF8(offset: Int)
    case undecodable(charset: String, offset: Int)
    case unsupportedCharset(String)
    case noHeadline
    /// No story text: `reason` names what removed it (a rule, a block), when something did.
    case noBody(reason: String?)
    case invalidJSON(String)

    public var description: String {
        switch self {
        case .empty: "the input is empty"
        case .binary: "the input is binary data, not text"
        case .invalidUTF8(let offset): "the input is not valid UTF-8 (first bad byte at offset \(offset))"
        case .undecodable(let charset, let offset):
            "the input is not valid \(charset) (first bad byte at offset \(offset))"
        case .unsupportedCharset(let name):
            "the input declares the encoding '\(name)', which this system's iconv does not decode"
        case .noHeadline: "the input has no headline"
        case .noBody(let reason): "the input has no story text" + (reason.map { " (\($0))" } ?? "")
        case .invalidJSON(let reason): "the input is not valid revision JSON: \(reason)"
        }
    }
}
