internal import GitStore

/// The id of a recorded revision's commit: what `log` prints and `show` accepts as a prefix.
/// Writethru's own type, so that the library's users never need GitStore.
public struct CommitID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The git object behind it.
    let object: ObjectID

    init(_ object: ObjectID) { self.object = object }

    /// A commit not built yet (a bulk record fixes a revision's place before its commit exists).
    static let zero = CommitID(.zero)

    /// The full 40-digit hexadecimal id.
    public var hex: String { object.hex }

    /// The first `length` hexadecimal digits, as `git log --abbrev` prints them.
    public func short(_ length: Int = 12) -> String { object.short(length) }

    public var description: String { object.hex }

    public static func < (a: CommitID, b: CommitID) -> Bool { a.object < b.object }
}
