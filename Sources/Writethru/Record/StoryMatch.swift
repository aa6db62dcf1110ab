/// How `record` decided which story a revision belongs to.
public enum StoryMatch: String, Sendable {
    /// `--story` named it.
    case option
    /// The input named it (the `story` field of JSON input).
    case input
    /// A recorded version of the story has the same URL.
    case url
    /// A recent version of the story has the same headline (tag removed).
    case headline
    /// `--match`: the lead paragraphs are close to a recent story's.
    case similarity
    /// No story matched: a new id was made from the headline.
    case new
}
