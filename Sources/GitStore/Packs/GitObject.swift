internal import CLibGit2
import WritethruSupport

/// A git object built in memory, byte for byte as libgit2 writes it, with its id and its
/// deflated content ready for a pack. Building is a pure function of the content, so many
/// objects can be built at once on every core (docs/decisions/0014); `Repository.writePack`
/// then writes them as one pack with its index.
public struct GitObject: Sendable {
    public enum Kind: UInt8, Sendable {
        case commit = 1, tree = 2, blob = 3
        var name: String {
            switch self {
            case .commit: "commit"
            case .tree: "tree"
            case .blob: "blob"
            }
        }
    }

    public let id: ObjectID
    public let kind: Kind
    /// The content's size before compression.
    let size: Int
    /// The content, zlib level 1.
    let deflated: [UInt8]

    /// Hashes `content` as git does (`<kind> <size>\0` then the content) and compresses it.
    init(kind: Kind, content: [UInt8]) throws {
        id = ObjectID(digest: Digest.sha1(Array("\(kind.name) \(content.count)\0".utf8) + content))
        self.kind = kind
        size = content.count
        deflated = try PackStream.deflate(content)
    }

    public static func blob(_ bytes: [UInt8]) throws -> GitObject {
        try GitObject(kind: .blob, content: bytes)
    }

    /// One name in a tree: a file (mode 100644) or a subtree (mode 40000).
    public struct TreeEntry: Sendable {
        public let name: String
        public let id: ObjectID
        public let isTree: Bool

        public init(name: String, id: ObjectID, isTree: Bool = false) {
            self.name = name
            self.id = id
            self.isTree = isTree
        }
    }

    /// A tree of `entries`, in git's order: by name, a subtree's name compared as if it ended
    /// in "/".
    public static func tree(_ entries: [TreeEntry]) throws -> GitObject {
        func key(_ entry: TreeEntry) -> [UInt8] { Array(entry.name.utf8) + (entry.isTree ? [0x2F] : []) }
        var content: [UInt8] = []
        for entry in entries.sorted(by: { key($0).lexicographicallyPrecedes(key($1)) }) {
            content += Array((entry.isTree ? "40000 " : "100644 ").utf8) + Array(entry.name.utf8) + [0]
            content += entry.id.bytes
        }
        return try GitObject(kind: .tree, content: content)
    }

    /// A commit as `git_commit_create` writes it. The signatures must come from
    /// `Signature.canonical()`, which trims and checks them as libgit2 does.
    public static func commit(tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
                              message: String) throws -> GitObject {
        var text = "tree \(tree.hex)\n"
        for parent in parents { text += "parent \(parent.hex)\n" }
        text += "author " + author.line + "committer " + committer.line + "\n" + message
        return try GitObject(kind: .commit, content: Array(text.utf8))
    }
}

extension Signature {
    /// The signature as libgit2 stores it: name and email trimmed of the characters
    /// `git_signature_new` trims; an error for what it refuses (angle brackets, nothing left).
    public func canonical() throws -> Signature {
        LibGit2.ensureInitialized()
        var signature: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&signature, name, email, git_time_t(time), Int32(offsetMinutes)),
                  "git_signature_new")
        guard let signature else { throw GitError(rawCode: -1, message: "no signature", function: "git_signature_new") }
        defer { git_signature_free(signature) }
        return Signature(name: String(cString: signature.pointee.name), email: String(cString: signature.pointee.email),
                         time: time, offsetMinutes: offsetMinutes)
    }

    /// `Name <email> 1700000000 +0100` and a line break, as libgit2 writes it (the time as an
    /// unsigned 32-bit number).
    var line: String {
        let minutes = abs(Int(offsetMinutes))
        let zone = (offsetMinutes < 0 ? "-" : "+") + twoDigits(minutes / 60) + twoDigits(minutes % 60)
        return "\(name) <\(email)> \(UInt32(truncatingIfNeeded: time)) \(zone)\n"
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension ObjectID {
    init(digest: [UInt8]) {
        bytes = digest
    }

    /// All zeros: no object has it (git's "none").
    public static let zero = ObjectID(digest: [UInt8](repeating: 0, count: 20))
}
