import Foundation
import TestSupport
import Testing

/// Issue 14's reading of real inputs through the executable: pages decoded as browsers decode
/// them (replacements counted in meta.json), no revision without story text (exit 65), and
/// `sentences` reading an input exactly as `parse` does.
@Suite struct ReadingInputTests {
    /// A page as a news site serves it: navigation, a promo, the wire tag in the headline, an
    /// advisory, a byline, the story, a share bar, the legal block and a footer.
    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>UPDATE 1-Port strike halts container traffic | Example News</title>
        <meta property="og:title" content="UPDATE 1-Port strike halts container traffic">
        </head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
        <div class="promo"><p>Get 40% Off a year of Example News Premium.</p></div>
        <article>
        <h1>UPDATE 1-Port strike halts container traffic</h1>
        <p>(Adds union comment)</p>
        <p>By Ana Ruiz</p>
        <p>ROTTERDAM, May 2 (Reuters) - Dock workers walked out on Thursday, halting container traffic at Europe's biggest port, the port authority said.</p>
        <p>"We had no choice," union leader Piet de Vries said. Talks resume on Monday.</p>
        <p>Get 40% Off today</p>
        <p>Share this article</p>
        <p>© 2024 Reuters. All Rights Reserved.</p>
        </article>
        <footer><p>Example News, 1 Main Street. Terms of use.</p></footer>
        </body></html>

        """

    static let wireText = """
        Get 40% Off 🤯 Our picks beat the market.
        Read full update

        UPDATE 2-Port strike halts container traffic

        Published 02/05/2024, 06:06 am

        (Adds port authority figures)

        By Ana Ruiz

        ROTTERDAM, May 2 (Reuters) - Dock workers walked out on Thursday. About 40 ships were waiting, the port authority said.

        Talks resume on Monday.

        Reporting by Ana Ruiz; Editing by Sam Cole

        © Reuters. All Rights Reserved.

        """

    private struct Parsed: Decodable {
        struct Paragraph: Decodable { let text: String; let sentences: [String] }
        let paragraphs: [Paragraph]
    }

    /// `sentences` printed the raw file split into sentences: the promo line, the tag and the
    /// legal block came out as sentences. Now it prints the sentences of what `parse` read.
    @Test(arguments: [("page.html", page), ("wire.txt", wireText)])
    func sentencesReadsTheInputAsParseDoes(name: String, content: String) throws {
        let workspace = try Workspace()
        let file = workspace.write(name, Array(content.utf8))
        let sentences = try CommandRunner.writethru(["sentences", "--format", "json", file])
        #expect(sentences.status == 0, "\(sentences.stderr)")
        let parse = try CommandRunner.writethru(["parse", "--format", "json", file])
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(parse.stdout.utf8))
        let split = try JSONDecoder().decode([[String]].self, from: Data(sentences.stdout.utf8))
        #expect(split == parsed.paragraphs.map(\.sentences))
        #expect(split.first?.first?.hasPrefix("Dock workers walked out on Thursday") == true)
        let text = try CommandRunner.writethru(["sentences", file]).stdout
        for furniture in ["40% Off", "UPDATE", "Adds", "By Ana Ruiz", "Reuters", "Rights Reserved", "Share", "Home",
                          "Terms of use", "Read full update", "Editing by"] {
            #expect(!text.contains(furniture), "sentences printed \(furniture)")
        }
    }

    @Test func sentencesTakesTheInputFormatAndTheArchive() throws {
        let workspace = try Workspace()
        let file = workspace.write("page.html", Array(Self.page.utf8))
        let asText = try CommandRunner.writethru(["sentences", "--input", "text", file])
        #expect(asText.status == 0, "\(asText.stderr)")
        #expect(asText.stdout.contains("<p>"))
        let missing = try CommandRunner.writethru(["sentences", "--archive", workspace.archive, file])
        #expect(missing.status == 68)
        #expect(try workspace.writethru(["init"]).status == 0)
        let withArchive = try workspace.writethru(["sentences", file])
        #expect(withArchive.status == 0, "\(withArchive.stderr)")
        #expect(withArchive.stdout == (try CommandRunner.writethru(["sentences", file])).stdout)
    }

    /// README promises exit 65 for an input with no story text; these were recorded with exit 0.
    @Test(arguments: [
        ("headline.txt", "UPDATE 1-Port strike halts container traffic\n",
         "the input has no story text (only a headline)"),
        ("promos.txt", "Port strike halts container traffic\n\nGet 40% Off today\n\nSave 20% off the app\n",
         "the input has no story text (the boilerplate rule 'promo-discount' removed all 2 paragraphs)"),
        ("furniture.html", "<html><head><title>Port strike</title></head><body><article><p>Advertisement</p><p>Share</p></article></body></html>",
         "the input has no story text (the boilerplate rules removed all 2 paragraphs; 'ad-label' removed the most text (1 paragraph))"),
    ])
    func anInputWithNoStoryTextIsNotRecorded(name: String, content: String, message: String) throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let file = workspace.write(name, Array(content.utf8))
        let before = workspace.snapshot()
        let result = try workspace.writethru(["record", "--story", "port-strike", file])
        #expect(result.status == 65)
        #expect(result.stderr == "writethru: error: \(file): \(message)\n")
        #expect(workspace.snapshot() == before)
        #expect(try CommandRunner.writethru(["parse", file]).status == 65)
    }

    /// A page with stray bytes and a NUL is recorded (it was refused whole), its input kept byte
    /// for byte, and meta.json counts what was replaced.
    @Test func aPageWithStrayBytesIsRecordedWithItsReplacementsCounted() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        var bytes = Array(Self.page.utf8)
        let story = try #require(bytes.firstRange(of: Array("Dock workers".utf8)))
        bytes.replaceSubrange(story, with: Array("Dock w".utf8) + [0xF6, 0x00] + Array("rkers".utf8))
        let file = workspace.write("stray.html", bytes)
        let result = try workspace.writethru(["record", "--story", "port-strike", file])
        #expect(result.status == 0, "\(result.stderr)")
        let meta = try workspace.git(["show", "stories/port-strike:meta.json"]).stdout
        struct Meta: Decodable { struct Input: Decodable { let replaced: Int; let bytes: Int }; let input: Input }
        let input = try JSONDecoder().decode(Meta.self, from: Data(meta.utf8)).input
        #expect(input.replaced == 2)
        #expect(input.bytes == bytes.count)
        #expect(try workspace.writethru(["show", "--source", "port-strike"]).stdoutBytes == bytes)
        #expect(try workspace.writethru(["show", "port-strike"]).stdout.contains("Dock w\u{FFFD}\u{FFFD}rkers walked out"))
        // Text input stays strict: the same bytes in a text file are refused with their offset.
        let text = workspace.write("stray.txt", Array("Port strike\n\nDock w".utf8) + [0xF6] + Array("rkers.\n".utf8))
        let refused = try workspace.writethru(["record", "--story", "port-strike", text])
        #expect(refused.status == 65)
        #expect(refused.stderr == "writethru: error: \(text): the input is not valid UTF-8 (first bad byte at offset 19)\n")
    }

    /// A declaration straddling byte 1,024 was cut to "ut" and the page refused.
    @Test func aCharsetStraddlingTheFirstKilobyteIsRead() throws {
        let padding = "<html><head><!-- " + String(repeating: "x", count: 1024 - 17 - 4 - 8) + " -->"
        let html = padding + "<meta charset=\"utf-8\"><title>Café owners wary</title></head><body><article>"
            + "<p>Café owners said on Monday they were wary of new rules.</p></article></body></html>"
        let workspace = try Workspace()
        let result = try CommandRunner.writethru(["parse", workspace.write("straddle.html", Array(html.utf8))])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("headline   Café owners wary"))
    }
}
