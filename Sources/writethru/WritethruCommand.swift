import ArgumentParser

/// The root command: parses the command line and runs the subcommand it names. Each command
/// only reads its arguments and prints; what it does is in the libraries (Writethru for the
/// archive, WritethruRender for what is printed). Shared options are in Shared/.
@main
struct WritethruCommand: ParsableCommand {
    static func main() {
        if let unknown = UsageError.unknownCommand(in: CommandLine.arguments, known: commands.map(\.name)) {
            UsageError.fail(unknown)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            // A command's own failure: its one line is already on stderr.
            exit(withError: error)
        } catch {
            // Help, --version and completion scripts exit 0 and print as the parser prints them;
            // a usage error is one line, as every other error is (README, "Exit codes").
            guard exitCode(for: error) != .success else { exit(withError: error) }
            UsageError.fail(message(for: error))
        }
    }

    /// Every subcommand by name, in the order `--help` lists them.
    static let commands: [(name: String, type: ParsableCommand.Type)] = [
        ("init", Init.self), ("record", Record.self), ("import", Import.self),  // Commands/ArchiveCommands.swift
        ("stories", Stories.self), ("log", Log.self), ("show", Show.self),  // Commands/ReadingCommands.swift
        ("diff", Diff.self), ("claims", Claims.self), ("audit", Audit.self),  // Commands/CompareCommands.swift
        // Commands/StoryReportCommands.swift
        ("timeline", Timeline.self), ("blame", Blame.self), ("history", History.self),
        ("report", Report.self), ("site", Site.self),
        ("remote", Remote.self), ("push", Push.self), ("pull", Pull.self),  // Commands/SyncCommands.swift
        ("clone", Clone.self), ("verify", Verify.self), ("gc", GC.self),
        ("search", Search.self), ("reindex", Reindex.self),  // Commands/SearchCommands.swift
        ("parse", Parse.self), ("sentences", Sentences.self),  // Commands/ReadingCommands.swift
    ]

    /// The subcommands the parser is given: only the one the command line names, when it
    /// names one (and none for a bare `--version`); every one otherwise (`--help`, `help`, a
    /// misspelt name, completion scripts). swift-argument-parser builds its tree of every
    /// command it is given with dynamic casts that scan the binary's protocol conformances,
    /// about half of a short command's time; the help and errors it prints stay the same.
    static let given: [ParsableCommand.Type] = {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "--version", arguments.count == 1 { return [] }
        if let named = arguments.first, let command = commands.first(where: { $0.name == named }) {
            return [command.type]
        }
        return commands.map(\.type)
    }()

    static var configuration: CommandConfiguration {
        CommandConfiguration(
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
            subcommands: given)
    }
}
