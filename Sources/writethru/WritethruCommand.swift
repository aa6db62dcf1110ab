import ArgumentParser

/// The root command: parses the command line and runs the subcommand it names. Each command
/// only reads its arguments and prints; what it does is in the libraries (Writethru for the
/// archive, WritethruRender for what is printed). Shared options are in Shared/.
@main
struct WritethruCommand: ParsableCommand {
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "writethru",
        abstract: "Keep the full edit history of news stories in git, and explain every update.",
        discussion: """
            The archive is a bare git repository: --archive PATH, else $WRITETHRU_ARCHIVE, else \
            $XDG_DATA_HOME/writethru/archive.git (~/.local/share/writethru/archive.git).
            Exit codes: 0 success, 64 invalid arguments, 65 unusable input, 66 unreadable input, \
            67 unknown story or version, 68 not an archive, 69 remote unreachable or refused, \
            73 cannot create or write, 74 storage error, 75 contention (retry).
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Record.self, Import.self,  // Commands/ArchiveCommands.swift
            Stories.self, Log.self, Show.self,  // Commands/ReadingCommands.swift
            Diff.self, Claims.self, Audit.self,  // Commands/CompareCommands.swift
            Timeline.self, Blame.self, History.self, Report.self, Site.self,  // Commands/StoryReportCommands.swift
            Remote.self, Push.self, Pull.self, Clone.self, Verify.self, GC.self,  // Commands/SyncCommands.swift
            Search.self, Reindex.self,  // Commands/SearchCommands.swift
            Parse.self, Sentences.self,  // Commands/ReadingCommands.swift
        ])
}
