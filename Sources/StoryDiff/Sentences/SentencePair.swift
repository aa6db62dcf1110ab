/// Two sentences the aligner found to be the same sentence (either may be nil: added or
/// removed), with the paragraph it stands in.
public struct SentencePair: Sendable, Equatable {
    public let old: String?
    public let new: String?
    /// 1-based: the new version's paragraph, or the old one's for a removed sentence.
    public let paragraph: Int
}
