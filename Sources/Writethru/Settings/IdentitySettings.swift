import Foundation

/// Settings for telling stories apart (`identity` in writethru.json).
public struct IdentitySettings: Sendable, Equatable, Codable {
    /// A headline matches a story only if the story's latest version is at most this many
    /// days from the revision: wires reuse headlines ("MIDEAST STOCKS-...") every day.
    public var headlineWindowDays: Double = 3
    /// `--match` compares with stories whose latest version is at most this many days away.
    public var similarityWindowDays: Double = 3
    /// `--match` needs at least this share of word trigrams in common (Jaccard, 0 to 1)
    /// between the first three paragraphs.
    public var similarityThreshold: Double = 0.5
}
