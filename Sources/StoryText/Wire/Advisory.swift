/// The editor's advisory line of a revision, such as
/// "(Adds prime minister's reaction in paragraph 3, updates death toll in paragraph 4)",
/// with the items it declares.
public struct Advisory: Sendable, Equatable, Codable {
    /// The line as printed, brackets included.
    public var text: String
    public var items: [AdvisoryItem]

    /// The advisory line `text` with the items `AdvisoryParser` reads from it.
    ///
    /// - Complexity: O(n · (a + V)) for a line of n characters, a occurrences of " and ", and the V
    ///   verb forms the parser knows (each segment's start is compared with each).
    public init(text: String) {
        self.text = text
        // Two bracketed lines, "(Adds X) (Updates Y)", are two groups of items.
        let groups = WireMatchers.bracketed(text)
        self.items = (groups.isEmpty ? [text] : groups).flatMap(AdvisoryParser.items(of:))
    }
}
