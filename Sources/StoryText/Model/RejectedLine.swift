/// A line of a JSON Lines input that holds no usable revision, and why: what a reader that
/// keeps an input's good lines (`RevisionReader.readKeepingGoodLines`) sets apart.
public struct RejectedLine: Sendable, Equatable {
    /// 1-based, as editors number lines.
    public let line: Int
    public let reason: ReadingError
}
