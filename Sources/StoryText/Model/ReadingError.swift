/// Why an input could not be read as a revision.
public enum ReadingError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary
    case invalidUTF8(offset: Int)
    case undecodable(charset: String, offset: Int)
    case unsupportedCharset(String)
    case noHeadline
    /// The line where the headline would be is longer than any headline
    /// (`Revision.maximumHeadlineLength`): a paragraph, a whole file on one line, not a headline.
    case headlineTooLong(characters: Int)
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
        case .headlineTooLong(let characters):
            "the input has no headline: the line where it would be has \(characters) characters, more than the "
                + "\(Revision.maximumHeadlineLength) a headline may have"
        case .noBody(let reason): "the input has no story text" + (reason.map { " (\($0))" } ?? "")
        case .invalidJSON(let reason): "the input is not valid revision JSON: \(reason)"
        }
    }
}
