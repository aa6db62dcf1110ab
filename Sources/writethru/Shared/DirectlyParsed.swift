import ArgumentParser

/// A subcommand that `WritethruCommand.parsed()` can parse as the root of the command line's
/// arguments after its name, skipping the root's own pass over them. In that pass the parser
/// builds the named subcommand's argument set twice more, only to learn that it takes no
/// pass-through arguments (about 4.9 million instructions for `record`).
///
/// Its configuration is `baseConfiguration`; while it is the root of a direct parse it is
/// marked as a pseudo-command's, as the root's is in the fast parse, so the parser skips its
/// completion-script check (help and usage text, which that mark changes, are never printed
/// from a direct parse: anything but a parsed command is parsed again in full).
protocol DirectlyParsed: ParsableCommand {
    static var baseConfiguration: CommandConfiguration { get }
}

extension DirectlyParsed {
    static var configuration: CommandConfiguration {
        var configuration = baseConfiguration
        if WritethruCommand.parsesDirectly { configuration._superCommandName = "" }
        return configuration
    }
}
