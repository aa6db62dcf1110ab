import Foundation

/// Settings for the programs run after a recorded revision (`hooks` in writethru.json,
/// docs/hooks.md). Which program runs is never a shared setting: writethru.json travels with
/// `clone`, so it is named only in the archive's own folder (`Archive.postRecordHook`).
public struct HookSettings: Sendable, Equatable, Codable {
    /// How long a hook may run, in seconds, before its whole process group is killed.
    public var timeoutSeconds: Double = 10

    /// The longest `timeoutSeconds` the settings accept: one hour.
    public static let longestTimeout: Double = 3_600
}
