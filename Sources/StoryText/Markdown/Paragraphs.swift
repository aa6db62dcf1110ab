/// Plain text as paragraphs, as the text reader cuts a story body: blocks separated by blank
/// lines; the short lines of a block joined (hard-wrapped text), long lines kept apart.
public enum Paragraphs {
    /// - Complexity: O(n) in the length of the text.
    public static func split(_ text: String) -> [String] {
        TextReader.blocks(TextReader.lines(text)[...])
            .flatMap(TextReader.paragraphs(of:))
    }
}
