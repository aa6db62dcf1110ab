import StoryText
import TestSupport
import Testing

/// `ArticleMarkdown.paragraphs` scans bytes; it must split exactly as the line-by-line reading
/// it replaced (kept here as the reference): the index finds each sentence's text again in the
/// paragraphs it returns (decision 0050).
@Suite struct ArticleMarkdownTests {
    static func reference(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var block: [String] = []
        for line in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.isEmpty {
                if !block.isEmpty { blocks.append(block.joined(separator: "\n")) }
                block = []
            } else {
                block.append(String(decoding: line, as: UTF8.self))
            }
        }
        if !block.isEmpty { blocks.append(block.joined(separator: "\n")) }
        return Array(blocks.dropFirst())
    }

    @Test(arguments: ["", "\n", "\n\n", "# Headline", "# Headline\n", "# Headline\n\nOne.\n", "# H\n\nOne.\n\nTwo.",
                      "# H\n\n\n\nOne\nstill one.\n\n\nTwo.\n\n", "no headline line\nsecond line\n\npara", "\n\n# H\n\nA",
                      "# Café\n\nZhào Lìjiān said “no”.\n\n\u{1F600} ok\r\n\r\nend\n"])
    func splitsAsTheLineByLineReading(markdown: String) {
        #expect(ArticleMarkdown.paragraphs(of: markdown) == Self.reference(markdown))
    }

    @Test func splitsGeneratedTextsAsTheLineByLineReading() {
        var generator = SeededGenerator(seed: 20_261_202)
        let pieces = ["\n", "\n", "\n\n", "a", "word ", "é", "\u{1F600}", "\r", " ", "# H"]
        for _ in 0..<2_000 {
            let markdown = (0..<Int.random(in: 0...40, using: &generator))
                .map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(ArticleMarkdown.paragraphs(of: markdown) == Self.reference(markdown), "\(markdown.debugDescription)")
        }
    }
}
