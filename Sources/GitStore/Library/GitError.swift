internal import CLibGit2

/// A failed libgit2 call, carrying libgit2's own explanation.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public enum Code: Int32, Sendable {
        case generic = -1
        case notFound = -3
        case exists = -4
        case ambiguous = -5
        case locked = -14
        case modified = -15
        case invalidSpec = -12
        case owner = -36
        case other = -1000
    }

    public let rawCode: Int32
    public let message: String
    public let function: String

    public var code: Code { Code(rawValue: rawCode) ?? .other }

    /// True when another writer changed or held the reference at the same moment: the
    /// caller should re-read the reference and try again.
    public var isReferenceRace: Bool {
        code == .locked || code == .modified || code == .exists
    }

    public var description: String { "\(function): \(message)" }

    init(rawCode: Int32, message: String, function: String) {
        self.rawCode = rawCode
        self.message = message
        self.function = function
    }
}

/// Turns a libgit2 return code into a Swift error, reading `git_error_last()` at once
/// (it is thread-local and overwritten by the next call).
@discardableResult
func check(_ rc: Int32, _ function: @autoclosure () -> String) throws -> Int32 {
    if rc >= 0 { return rc }
    var message = "unknown error"
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text)
    }
    throw GitError(rawCode: rc, message: message, function: function())
}
