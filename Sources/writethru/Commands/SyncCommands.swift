import ArgumentParser
import Foundation
import Writethru
import WritethruRender

struct Remote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Manage the archive's remotes (other copies of it, on disk or any git host).",
        subcommands: [RemoteAdd.self, RemoteList.self], defaultSubcommand: RemoteList.self)
}

struct RemoteAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a remote: a path, file://, ssh://, git@host:path or https:// URL (docs/sync.md).")

    @OptionGroup var archive: ArchiveOption

    @Argument(help: ArgumentHelp("The remote's name, such as origin.", valueName: "name"))
    var name: String

    @Argument(help: ArgumentHelp("Where it is.", valueName: "url"))
    var url: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            try archive.open().addRemote(name: name, url: url)
            emit("added remote \(name) \(url)\n")
        }
    }
}

struct RemoteList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the remotes: name and URL.")

    @OptionGroup var archive: ArchiveOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            emit(try archive.open().remotes().map { "\($0.name)  \($0.url)\n" }.joined())
        }
    }
}

/// Runs a push or pull against the remote named (or the default one), prints what it did, and
/// exits 2 when some story has a status in `attention`.
private func synchronize(_ archive: ArchiveOption, remote: String?, format: OutputFormat,
                         attention: Set<SyncOutcome.Status>,
                         _ operation: (Archive, String) throws(WritethruError) -> [SyncOutcome]) throws {
    var needsAttention = false
    try reporting { () throws(WritethruError) in
        let archive = try archive.open()
        let name = try archive.remoteName(remote)
        let outcomes = try operation(archive, name)
        emit(SyncReport.render(outcomes, remote: name, format: format))
        needsAttention = outcomes.contains { attention.contains($0.status) }
    }
    if needsAttention { throw ExitCode(2) }
}

struct Push: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "push",
        abstract: "Send every story branch the remote lacks or has older versions of.",
        discussion: """
            Fetches the remote first. A story the remote has newer versions of (behind) or different \
            versions of (diverged) is not sent and nothing is overwritten; nor is one whose branch there went \
            back to an older version since the last fetch (remote-truncated), unless --restore is given; exits \
            2 when there is one. The remote defaults to origin, or the only remote.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Send back the versions a remote-truncated story lost there (a fast-forward on the remote).")
    var restore = false

    @Argument(help: ArgumentHelp("The remote (default: origin, or the only one).", valueName: "remote"))
    var remote: String?

    func run() throws {
        try synchronize(archive, remote: remote, format: output.format,
                        attention: [.behind, .diverged, .remoteTruncated]) { archive, name throws(WritethruError) in
            try archive.push(remote: name, restore: restore)
        }
    }
}

struct Pull: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "pull",
        abstract: """
            Fetch a remote, then fast-forward each story branch; a story that diverged is reported and left \
            alone.
            """,
        discussion: """
            A story only the remote has is created; one the remote has newer versions of is moved \
            forward, by compare-and-swap. A story both sides recorded different versions of is left \
            alone on both (exit 2), and so is one whose branch on the remote went back to an older version \
            since the last fetch (remote-truncated, exit 2). The archive's settings (main) are never changed by \
            a pull.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("The remote (default: origin, or the only one).", valueName: "remote"))
    var remote: String?

    func run() throws {
        try synchronize(archive, remote: remote, format: output.format,
                        attention: [.diverged, .remoteTruncated]) { archive, name throws(WritethruError) in
            try archive.pull(remote: name)
        }
    }
}

struct Clone: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "clone",
        abstract: "Make a new archive from an existing one: its settings and every story.",
        discussion: """
            DIR must not exist or be empty; nothing is left there when the clone fails. The source becomes the \
            remote origin.
            """)

    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("The archive to copy (a path or any git URL).", valueName: "url"))
    var url: String

    @Argument(help: ArgumentHelp("Where the new archive goes.", valueName: "dir"))
    var directory: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let (_, outcomes) = try Archive.clone(url: url, to: directory)
            emit(SyncReport.render(outcomes, remote: "origin", format: output.format))
        }
    }
}

struct Verify: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "verify",
        abstract: """
            Check every story branch: objects, trees, hashes in meta.json, times; with --remote, that no \
            history was rewritten.
            """,
        discussion: """
            Names every problem found and exits 2 when there is one. With --remote NAME the remote is \
            fetched first and each story must be equal on both sides or one side's history must \
            contain the other's, and no remote branch may have gone back to an older version since the \
            last fetch (versions lost there).
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Also compare with this remote.", valueName: "name"))
    var remote: String?

    func run() throws {
        var clean = true
        try reporting { () throws(WritethruError) in
            let report = try archive.open().verify(remote: remote)
            emit(SyncReport.verify(report, format: output.format))
            clean = report.isClean
        }
        if !clean { throw ExitCode(2) }
    }
}

struct GC: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "gc",
        abstract: """
            Pack the archive: every reachable object into one pack, then delete the loose objects and old \
            packs it holds.
            """,
        discussion: """
            Single records write loose objects; gc packs them with deltas, through libgit2. Unreachable \
            objects are left alone. Temporary files libgit2 left behind when a writer was killed \
            (objects/tmp_object_git2_*, objects/pack/pack_git2_*) are removed once untouched for an hour.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            let result = try archive.open().gc()
            emit(SyncReport.gc(result, format: output.format))
        }
    }
}
