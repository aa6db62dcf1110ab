import ArgumentParser

/// The root command: parses the command line and runs the subcommand it names. Each command
/// only reads its arguments and prints; what it does is in the libraries (Writethru for the
/// archive, WritethruRender for what is printed). Shared options are in Shared/.
@main
struct WritethruCommand: ParsableCommand {
    static func main() {
        // `writethru --version` alone prints what the parser prints for it, the version and a
        // newline, without the parser's check for completion-script flags, which builds the
        // argument sets of two pseudo-commands: 8.7 of its 15.6 million instructions.
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            print(version)
            return
        }
        if let unknown = UsageError.unknownCommand(in: CommandLine.arguments, known: commands.map(\.name)) {
            UsageError.fail(unknown)
        }
        do {
            var command = try parsed()
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

    /// The command the command line names, parsed first without the parser's check for its
    /// completion-script flags (which parses the arguments twice more, against two
    /// pseudo-commands: 0.7-0.9 ms a process) when no argument could ask for a completion
    /// script or for help: a `DirectlyParsed` subcommand as the root of the arguments after its
    /// name (1.0-1.5 million instructions fewer than through the root), any other through the
    /// root. Anything but a parsed command (an error, help) is parsed again in full, so every
    /// message is the one the parser prints (docs/decisions/0024).
    static func parsed() throws -> ParsableCommand {
        let arguments = CommandLine.arguments.dropFirst()
        let asksForHelp = arguments.contains { $0 == "-h" || $0 == "--help" || $0 == "help" }
        if given.count == 1, !asksForHelp, !asksForCompletions(arguments) {
            if given[0] is DirectlyParsed.Type {
                parsesDirectly = true
                defer { parsesDirectly = false }
                if let command = try? given[0].parseAsRoot(Array(arguments.dropFirst())),
                   type(of: command) == given[0] { return command }
            } else {
                skipsCompletionCheck = true
                defer { skipsCompletionCheck = false }
                // A command with subcommands of its own (`watch`, `remote`) parses to one of them.
                let expected = [given[0]] + given[0].configuration.subcommands
                if let command = try? parseAsRoot(), expected.contains(where: { $0 == type(of: command) }) {
                    return command
                }
            }
        }
        return try parseAsRoot()
    }

    /// True while `parsed()` parses a `DirectlyParsed` subcommand as the root.
    nonisolated(unsafe) static var parsesDirectly = false

    /// Whether `configuration` names a super-command: swift-argument-parser skips its
    /// completion-script check for such a root, and uses the name only in help and usage
    /// text, which is never printed from the fast parse (`parsed()` parses again for those).
    nonisolated(unsafe) private static var skipsCompletionCheck = false

    /// Whether an argument asks for a completion script or for completions (the script
    /// describes every command, whatever else the command line names).
    private static func asksForCompletions(_ arguments: ArraySlice<String>) -> Bool {
        arguments.contains { $0.hasPrefix("--generate-completion-script") || $0.hasPrefix("---completion") }
    }

    /// The version `--version` prints.
    static let version = "0.1.0"

    /// Every subcommand by name, in the order `--help` lists them.
    static let commands: [(name: String, type: ParsableCommand.Type)] = [
        ("init", Init.self), ("record", Record.self), ("import", Import.self),  // Commands/ArchiveCommands.swift
        ("stories", Stories.self), ("log", Log.self), ("show", Show.self),  // Commands/ReadingCommands.swift
        ("diff", Diff.self), ("claims", Claims.self), ("audit", Audit.self),  // Commands/CompareCommands.swift
        // Commands/StoryReportCommands.swift
        ("timeline", Timeline.self), ("blame", Blame.self), ("history", History.self),
        ("report", Report.self), ("site", Site.self),
        ("feed", Feed.self),  // Commands/FeedCommand.swift
        ("remote", Remote.self), ("push", Push.self), ("pull", Pull.self),  // Commands/SyncCommands.swift
        ("clone", Clone.self), ("verify", Verify.self), ("gc", GC.self),
        ("locks", Locks.self),  // Commands/LocksCommand.swift
        ("search", Search.self), ("reindex", Reindex.self),  // Commands/SearchCommands.swift
        ("export", Export.self),  // Commands/ExportCommand.swift
        ("changes", Changes.self),  // Commands/ChangesCommand.swift
        ("watch", Watch.self),  // Commands/WatchCommands.swift
        ("capture", Capture.self),  // Commands/CaptureCommand.swift
        ("parse", Parse.self), ("sentences", Sentences.self),  // Commands/ReadingCommands.swift
        ("schema", Schema.self),  // Commands/SchemaCommand.swift
    ]

    /// The subcommands the parser is given: only the one the command line names, when it
    /// names one (and none for a bare `--version`); every one otherwise (`--help`, `help`, a
    /// misspelt name, completion scripts). swift-argument-parser builds its tree of every
    /// command it is given with dynamic casts that scan the binary's protocol conformances,
    /// about half of a short command's time; the help and errors it prints stay the same.
    static let given: [ParsableCommand.Type] = {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "--version", arguments.count == 1 { return [] }
        if asksForCompletions(arguments) { return commands.map(\.type) }
        if let named = arguments.first, let command = commands.first(where: { $0.name == named }) {
            return [command.type]
        }
        return commands.map(\.type)
    }()

    static var configuration: CommandConfiguration {
        var configuration = CommandConfiguration(
            commandName: "writethru",
            abstract: "Keep the full edit history of news stories in git, and explain every update.",
            discussion: """
                The archive is a bare git repository: --archive PATH, else $WRITETHRU_ARCHIVE, else \
                $XDG_DATA_HOME/writethru/archive.git (~/.local/share/writethru/archive.git).
                Exit codes: 0 success, 64 invalid arguments, 65 unusable input, 66 unreadable input, \
                67 unknown story or version, 68 not an archive, 69 remote unreachable or refused, \
                73 cannot create or write, 74 storage error, 75 contention (retry).
                """,
            version: version,
            subcommands: given)
        if skipsCompletionCheck { configuration._superCommandName = "" }
        return configuration
    }
}
