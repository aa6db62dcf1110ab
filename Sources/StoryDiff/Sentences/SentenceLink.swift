/// Sentences of the old revision that became sentences of the new one: one to one, two to
/// one (merged), one to two (split), none to one (added) or one to none (removed).
public struct SentenceLink: Sendable, Equatable {
    public let old: [SentenceRef]
    public let new: [SentenceRef]

    public var oldText: String? { old.isEmpty ? nil : old.map(\.text).joined(separator: " ") }
    public var newText: String? { new.isEmpty ? nil : new.map(\.text).joined(separator: " ") }
    /// The new version's paragraph, or the old one's for a removed sentence.
    public var paragraph: Int { new.first?.paragraph ?? old.first?.paragraph ?? 0 }
}
