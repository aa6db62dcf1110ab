/// What a sentence asserts, in slots a change can be measured on (docs/diff/claims.md).
public struct Claim: Sendable, Equatable {
    /// "more than a million", "$1.2 billion", "53%", "at least 12", "two".
    public struct Quantity: Sendable, Equatable {
        /// The value with its scale applied (1.2 billion = 1_200_000_000); nil when only a
        /// word like "dozens" says how many.
        public let value: Double?
        /// What is counted or the currency or percent sign: "people", "$", "%".
        public let unit: String
        /// "more than", "at least", "about", "up to", "as many as", "nearly", or "" for exact.
        public let approximator: String
        /// The words as printed.
        public let text: String
        /// A spelled number after a definite determiner ("the two countries", "the world's two
        /// largest economies", "its three plants"): it counts what the story has named already,
        /// so its appearing or going alone is no change; a changed value still is.
        public var refersBack = false
    }

    public struct Attribution: Sendable, Equatable {
        /// Who: "the White House", "Psaki", "China's foreign ministry".
        public let source: String
        /// The verb or phrase: "said", "confirmed", "according to".
        public let cue: String

        public init(source: String, cue: String) {
            self.source = source
            self.cue = cue
        }
    }

    public let sentence: String
    public var quantities: [Quantity] = []
    /// Absolute dates as printed ("March 18", "Jan. 5, 2024") and relative ones ("on Thursday",
    /// "next week", "last month").
    public var dates: [String] = []
    public var attributions: [Attribution] = []
    /// Direct quotes, without their quote marks.
    public var quotes: [String] = []
    /// Names: runs of capitalised words, titles kept apart ("Secretary of State" is a title,
    /// "Antony Blinken" the name).
    public var entities: [String] = []
    public var titles: [String] = []
    /// "not", "no", "never", "n't", ...
    public var negations: [String] = []
    /// "would", "could", "likely", "reportedly", "alleged", ...
    public var hedges: [String] = []
}
