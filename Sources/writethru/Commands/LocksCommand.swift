import ArgumentParser
import Foundation
import Writethru
import WritethruRender

struct Locks: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "locks",
        abstract: "List the archive's reference lock files and the writers that left them; remove the stale ones.",
        discussion: """
            git locks a branch while it moves it with a lock file beside it (refs/heads/stories/ID.lock); \
            a writer killed at that moment leaves it, and no writer can move that story until it is gone. \
            Each lock is `held` (a running Writethru writer may hold it), `recent` (under 2 s old, no \
            running writer on record: wait) or `stale`. --remove deletes the stale ones, checked again \
            one by one, never one a running writer may hold; nothing recorded is lost by it. Exits 2 \
            when stale locks remain (docs/reliability.md).
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Remove the stale lock files.")
    var remove = false

    func run() throws {
        var staleLeft = false
        try reporting { () throws(WritethruError) in
            let archive = try archive.open()
            let removed = remove ? try archive.removeStaleLocks() : nil
            let now = Date()
            let locks = archive.locks(now: now)
            emit(LocksReport.render(locks, removed: removed, now: now, archive: archive.path, format: output.format))
            staleLeft = locks.contains { $0.state == .stale }
        }
        if staleLeft { throw ExitCode(2) }
    }
}
