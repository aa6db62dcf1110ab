/// Why bytes could not be read as a feed, in one line: `not an RSS or Atom feed (root element
/// <html>)`, `malformed XML, line 3: Opening and ending tag mismatch: item line 2 and channel`.
public struct FeedError: Error, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

extension FeedError {
    /// `not an RSS or Atom feed (root element <html>)`.
    static func notAFeed(_ root: FeedElement) -> FeedError {
        FeedError("not an RSS or Atom feed (root element <\(root.qualifiedName)>)")
    }
}
