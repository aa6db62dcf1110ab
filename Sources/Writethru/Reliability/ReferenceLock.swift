import Foundation

/// A lock file git left beside a reference (`refs/heads/stories/<id>.lock`, `packed-refs.lock`):
/// while it is there no writer can move that branch. libgit2 holds one for the moment it
/// takes to write 41 bytes and rename them into place; one that stays was left by a writer
/// that was killed in that moment (docs/reliability.md).
public struct ReferenceLock: Sendable, Equatable {
    public enum State: String, Sendable {
        /// A Writethru writer that names the story in its journal is still running, and the
        /// lock is young: it may be that writer's.
        case held
        /// Younger than `staleAfter` and no running writer names it: perhaps another git
        /// program's, wait.
        case recent
        /// Left behind: safe to remove (`writethru locks --remove`).
        case stale
    }

    /// A lock no running writer names is stale once this old (seconds).
    public static let staleAfter: TimeInterval = 2
    /// Any lock is stale once this old: no writer holds a branch lock for a minute.
    public static let neverHeldFor: TimeInterval = 60

    /// The lock file, relative to the archive (`refs/heads/stories/fire.lock`).
    public let path: String
    /// The story whose branch it locks, when it locks one.
    public let story: StoryID?
    public let modified: Date
    /// The Writethru writer whose journal names its story: the one that may hold it, or that
    /// left it; nil when no journal names it.
    public struct Writer: Sendable, Equatable {
        public let pid: Int32
        public let host: String
        /// `writethru import`, `writethru record`, ...
        public let command: String
        /// When the writer started, ISO 8601.
        public let started: String
        /// Whether it still runs (nil: a process of another host, which cannot be looked up).
        public let running: Bool?

        /// "writethru import (pid 4242, started 2026-12-01T18:02:11Z)".
        public var description: String { "\(command) (pid \(pid), started \(started))" }
    }

    public let writer: Writer?
    public let state: State

    /// Whether a Writethru writer that named its story has died and no running writer names
    /// it: the lock is that dead writer's, and a writer may remove it itself once it is
    /// `staleAfter` old (a foreign git program holding it for a moment has no journal).
    public var isLeftByDeadWriter: Bool { writer?.running == false }

    /// Its age in whole seconds at `now`.
    public func age(at now: Date) -> Int { max(0, Int(now.timeIntervalSince(modified))) }

    /// "refs/heads/stories/fire.lock (story fire), 3 min old, left by writethru import (pid 4242,
    /// started ..., no longer running)".
    public func description(at now: Date) -> String {
        path + (story.map { " (story \($0))" } ?? "") + ", " + circumstances(at: now)
    }

    /// "3 min old, left by writethru import (pid 4242, started ...), no longer running".
    public func circumstances(at now: Date) -> String {
        var text = Self.age(age(at: now)) + " old"
        if let writer {
            let running = switch writer.running {
            case true?: "still running"
            case false?: "no longer running"
            case nil: "on another host"
            }
            text += ", left by \(writer.description), \(running)"
        } else {
            text += ", no Writethru writer on record"
        }
        return text
    }

    static func age(_ seconds: Int) -> String {
        switch seconds {
        case ..<120: "\(seconds) s"
        case ..<7_200: "\(seconds / 60) min"
        case ..<172_800: "\(seconds / 3_600) h"
        default: "\(seconds / 86_400) days"
        }
    }
}
