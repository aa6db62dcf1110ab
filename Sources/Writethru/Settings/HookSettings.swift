import Foundation

/// Settings for the programs run after a recorded revision (`hooks` in writethru.json,
/// docs/hooks.md).
public struct HookSettings: Sendable, Equatable, Codable {
    /// The program to run after each recorded revision: an absolute path, or a path relative
    /// to the archive's folder. Empty: the archive's `hooks/post-record`, when there is one.
    public var postRecord: String = ""
    /// How long a hook may run, in seconds, before its whole process group is killed.
    public var timeoutSeconds: Double = 10

    /// The longest `timeoutSeconds` the settings accept: one hour.
    public static let longestTimeout: Double = 3_600
}
