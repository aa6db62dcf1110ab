internal import CLibGit2
import WritethruSupport

/// The id of a git object (a SHA-1 in this repository format).
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The 20 raw bytes of the id.
    public let bytes: [UInt8]

    init(_ oid: git_oid) {
        var copy = oid
        bytes = withUnsafeBytes(of: &copy.id) { Array($0) }
    }

    /// An id from its 20 raw bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 20 else { return nil }
        self.bytes = bytes
    }

    /// Parses a full 40-character hexadecimal id; nil for anything else.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy(\.isHexDigit) else { return nil }
        LibGit2.ensureInitialized()
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.init(oid)
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { dest in
            for (i, b) in bytes.enumerated() where i < dest.count { dest[i] = b }
        }
        return oid
    }

    public var hex: String { Hex.encode(bytes) }

    /// The first `length` hex digits, as `git log --abbrev` prints them.
    public func short(_ length: Int = 12) -> String { String(hex.prefix(length)) }

    public var description: String { hex }

    public static func < (a: ObjectID, b: ObjectID) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    /// Computes the id git would give `data` stored as a blob, without writing it.
    public static func blobID(of data: [UInt8]) -> ObjectID {
        LibGit2.ensureInitialized()
        var oid = git_oid()
        data.withUnsafeBytes { buf in
            _ = git_odb_hash(&oid, buf.baseAddress, buf.count, GIT_OBJECT_BLOB)
        }
        return ObjectID(oid)
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x61...0x66).contains(self) || (0x41...0x46).contains(self)
    }
}
