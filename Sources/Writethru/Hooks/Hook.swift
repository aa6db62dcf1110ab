import Foundation

/// A program the archive runs after something happened to it (docs/hooks.md): today only
/// `post-record`, after each recorded revision. Found by `Archive.postRecordHook`.
public struct Hook: Sendable, Equatable {
    /// Where the program was named.
    public enum Source: String, Sendable {
        /// `hooks/post-record` in the archive's folder.
        case archiveFolder = "archive-folder"
        /// `writethru.postRecordHook` in the archive's own git config file.
        case archiveConfig = "archive-config"
    }

    /// The hook's name, as git names its hooks: `post-record`.
    public let name: String
    /// The program's path (absolute when the archive's path is).
    public let path: String
    public let source: Source
    /// Seconds it may run before its process group is killed.
    public let timeout: Double

    /// Runs the program with `input` on its standard input and `variables` added to the
    /// environment, its output sent to standard error (`HookProcess`).
    public func run(input: [UInt8], variables: [String: String]) -> HookOutcome {
        HookProcess.run(self, input: input, variables: variables)
    }
}
