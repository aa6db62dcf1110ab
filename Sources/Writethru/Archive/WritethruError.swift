import StoryText

/// Every way a Writethru command can fail, each with its documented exit code (README.md,
/// "Exit codes"). The message is one line, meant for stderr.
public enum WritethruError: Error, Equatable, CustomStringConvertible {
    /// A command-line value is invalid: a story id, a time, a version.
    case usage(String)
    /// An input file is empty, binary, not UTF-8 or has no headline.
    case badInput(file: String, reason: String)
    /// An input file does not exist or cannot be read.
    case unreadableInput(file: String, reason: String)
    /// The story or version asked for is not in the archive.
    case notFound(String)
    /// The archive path holds no Writethru archive.
    case notAnArchive(path: String, reason: String)
    /// `init` refused to overwrite something that exists.
    case cannotCreate(path: String, reason: String)
    /// A remote could not be reached or refused the operation (network, authentication, URL).
    case remote(String)
    /// A report or site file could not be written.
    case cannotWrite(path: String, reason: String)
    /// git storage failed underneath: disk, permissions, corruption.
    case storage(String)
    /// Other writers kept winning the race for a story branch; nothing was lost, try again.
    case contention(String)
    /// A story branch is locked by a lock file a killed writer left; nothing was lost
    /// (`writethru locks --remove`, then run the command again).
    case locked(story: String, message: String)
    /// Ctrl-C or SIGTERM stopped a bulk write between revisions; what was written is whole.
    case interrupted(String)

    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .badInput: 65
        case .unreadableInput: 66
        case .notFound: 67
        case .notAnArchive: 68
        case .remote: 69
        case .cannotCreate, .cannotWrite: 73
        case .storage: 74
        case .contention, .locked: 75
        case .interrupted: 130
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): message
        case .badInput(let file, let reason): "\(file): \(reason)"
        case .unreadableInput(let file, let reason): "\(file): \(reason)"
        case .notFound(let message): message
        case .notAnArchive(let path, let reason): "\(path) is not a Writethru archive: \(reason)"
        case .cannotCreate(let path, let reason): "cannot create an archive at \(path): \(reason)"
        case .remote(let message): message
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .storage(let message): "storage error: \(message)"
        case .contention(let message): message
        case .locked(_, let message): message
        case .interrupted(let message): message
        }
    }
}

extension WritethruError {
    /// Why a story's branch could not be moved, when that is what this error says (a stale
    /// lock, writers that never paused): an import skips the story and goes on.
    var blockedStoryReason: String? {
        switch self {
        case .locked(_, let message), .contention(let message): message
        default: nil
        }
    }

    /// Ctrl-C or SIGTERM stopped a run that kept `kept` revisions.
    static func interrupted(kept: Int) -> WritethruError {
        .interrupted("interrupted: \(kept) revision\(kept == 1 ? "" : "s") recorded and kept, every story branch at a "
                         + "whole revision; run the same command again to record the rest")
    }

    /// Whether an import that meets this error after it began reports what it recorded
    /// (an interruption) rather than failing as a whole.
    var stopsAnImport: Bool {
        if case .interrupted = self { return true }
        return false
    }

    /// The same error with `note` after its message.
    func noting(_ note: String) -> WritethruError {
        switch self {
        case .usage(let message): .usage(message + "; " + note)
        case .badInput(let file, let reason): .badInput(file: file, reason: reason + "; " + note)
        case .unreadableInput(let file, let reason): .unreadableInput(file: file, reason: reason + "; " + note)
        case .notFound(let message): .notFound(message + "; " + note)
        case .remote(let message): .remote(message + "; " + note)
        case .storage(let message): .storage(message + "; " + note)
        case .contention(let message): .contention(message + "; " + note)
        case .locked(let story, let message): .locked(story: story, message: message + "; " + note)
        case .interrupted(let message): .interrupted(message + "; " + note)
        case .notAnArchive, .cannotCreate, .cannotWrite: self
        }
    }
}
