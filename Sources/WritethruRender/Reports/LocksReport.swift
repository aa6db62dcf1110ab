import Foundation
import StoryText
import Writethru

/// Renderings of `writethru locks` (docs/reliability.md); JSON schema `writethru.locks/1`.
public enum LocksReport {
    /// `locks` lists what is there; with `removed`, `locks --remove` says what it deleted too.
    public static func render(_ locks: [ReferenceLock], removed: [ReferenceLock]?, now: Date, archive: String,
                              format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(LocksJSON(locks: locks, removed: removed, now: now))
        case .text:
            var out = ""
            for lock in removed ?? [] { out += "removed  " + lock.description(at: now) + "\n" }
            for lock in locks { out += lock.state.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                + lock.description(at: now) + "\n" }
            let stale = locks.filter { $0.state == .stale }.count
            if let removed {
                out += "removed " + counted(removed.count, "stale lock", "stale locks")
            } else {
                out += locks.isEmpty ? "no lock files" : counted(locks.count, "lock file", "lock files")
                if stale > 0 { out += ", \(stale) stale: remove with `writethru locks --remove --archive \(archive)`" }
            }
            if removed != nil, !locks.isEmpty {
                out += "; " + counted(locks.count, "lock file", "lock files") + " left (in use or too recent to tell)"
            }
            return out + "\n"
        }
    }
}

/// `locks --format json`.
struct LocksJSON: Encodable {
    struct Lock: Encodable {
        let path: String
        @Nullable var story: String?
        let state: String
        let modified: String
        let ageSeconds: Int
        @Nullable var writer: Writer?
    }
    struct Writer: Encodable {
        let pid: Int32
        let host: String
        let command: String
        let started: String
        @Nullable var running: Bool?
    }
    let schema = "writethru.locks/1"
    let locks: [Lock]
    @Nullable var removed: [Lock]?

    init(locks: [ReferenceLock], removed: [ReferenceLock]?, now: Date) {
        func lock(_ lock: ReferenceLock) -> Lock {
            Lock(path: lock.path, story: lock.story?.value, state: lock.state.rawValue,
                 modified: Timestamp.format(lock.modified), ageSeconds: lock.age(at: now),
                 writer: lock.writer.map { Writer(pid: $0.pid, host: $0.host, command: $0.command, started: $0.started,
                                                  running: $0.running) })
        }
        self.locks = locks.map(lock)
        self.removed = removed?.map(lock)
    }
}
