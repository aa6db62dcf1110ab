/// Every threshold, limit and pruning count of the diff engine, in one value
/// (docs/settings.md lists them). The property names are the keys of the `diff` section
/// of writethru.json; each default is the value the engine has always used.
public struct DiffSettings: Sendable, Equatable, Codable {
    // MARK: Paragraphs (ParagraphAligner, docs/diff/paragraphs.md)

    /// Above this similarity, an old and a new paragraph are the same paragraph, changed.
    public var changeThreshold: Double = 0.2
    /// Above this similarity, a paragraph found out of order counts as moved; below it, as
    /// removed in one place and added in another.
    public var moveThreshold: Double = 0.4
    /// At or above this similarity, a paragraph and two to four neighbours on the other side
    /// are a split (1 -> n) or a merge (n -> 1). A removed paragraph at least this similar to
    /// an added one is the same paragraph, reintroduced (ProvenanceTracker).
    public var splitThreshold: Double = 0.6
    /// The most paragraphs a split or merge joins.
    public var maximumSplit: Int = 4
    /// Words of at least this many characters (and numbers) are a paragraph's key words: only
    /// paragraphs that share one are compared for pairing, splits and merges.
    public var keyWordLength: Int = 4
    /// How many partners each unmatched paragraph nominates for pairing, the likeliest by an
    /// upper bound on their similarity; only nominated pairs get a full similarity.
    public var pairingNominees: Int = 8
    /// How many paragraphs, those sharing the most key words, anchor the split and merge
    /// windows of a paragraph that has no match.
    public var splitAnchors: Int = 6
    /// More unmatched paragraphs than this on one side, and pairing uses a greedy global
    /// assignment instead of the optimal one (O(n^3)); the result says so.
    public var assignmentLimit: Int = 400
    /// Up to this many matched groups, the paragraphs left in place are the heaviest longest
    /// increasing subsequence (O(n^2)); above it, any longest one (O(n log n)).
    public var heaviestMovesLimit: Int = 3_000

    // MARK: Words (WordDiffer, docs/diff/words.md)

    /// Word diffs of more than this many token pairs (n x m) give up and report a replacement.
    public var wordDiffLimit: Int = 4_000_000

    // MARK: Sentences (SentenceAligner, docs/diff/sentences.md)

    /// Within a pair of aligned paragraphs, sentences at least this similar (masked words,
    /// Dice coefficient) are the same sentence.
    public var sentenceWithinThreshold: Double = 0.5
    /// Across the article, a sentence left over must be at least this similar to pair with
    /// another left over (a moved sentence).
    public var sentenceAcrossThreshold: Double = 0.7
    /// Two neighbouring sentences are one sentence split (or merged) when, joined, they are
    /// more similar to the other side's sentence than either alone by more than this.
    public var sentenceGroupMargin: Double = 0.15
    /// A sentence left over pairs with one left over between the same two anchors (linked
    /// sentences, paragraphs kept whole) at this score: the greater of their informative
    /// similarity and the containment of either in the other (idf-weighted words).
    public var sentenceSlotThreshold: Double = 0.25
    /// Anywhere in the article, a sentence left over pairs with another whose informative
    /// similarity (idf-weighted words) is at least this: a paragraph moved and rewritten.
    public var sentenceMovedThreshold: Double = 0.3
    /// A left-over neighbour of a linked sentence joins the link (a merge or a split) when at
    /// least this much of it (idf-weighted words) is in what the other side says beyond it.
    public var sentenceContainmentThreshold: Double = 0.4

    // MARK: Provenance (ProvenanceTracker, docs/diff/timeline.md)

    /// A removed sentence at least this similar (masked words, Dice) to an added one is the
    /// same sentence, reintroduced.
    public var sentenceReintroductionThreshold: Double = 0.7

    // MARK: Advisory audit (AdvisoryAuditor, docs/audit.md)

    /// "Recasts" accounts for any substantive change in the first this many paragraphs.
    public var recastLeadParagraphs: Int = 3

    public init() {}
}
