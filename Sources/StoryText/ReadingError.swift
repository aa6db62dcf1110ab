/// Why an input could not be read as a revision.
public enum ReadingError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case binary
    case invalidUTF8(offset: Int)
    case noHeadline

    public var description: String {
        switch self {
        case .empty: "the input is empty"
        case .binary: "the input is binary data, not text"
        case .invalidUTF8(let offset): "the input is not valid UTF-8 (first bad byte at offset \(offset))"
        case .noHeadline: "the input has no headline (no line of text)"
        }
    }
}
