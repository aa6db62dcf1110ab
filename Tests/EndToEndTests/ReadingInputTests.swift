import Foundation
import TestSupport
import Testing

/// Issue 14's reading of real inputs through the executable: pages decoded as browsers decode
/// them (replacements counted in meta.json), and no revision without story text (exit 65).
@Suite struct ReadingInputTests {
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
        var bytes = Array(("<html><head><meta charset=\"utf-8\"><title>Port strike halts container traffic</title>"
            + "</head><body><article><p>Dock workers walked out on Thursday.</p></article></body></html>").utf8)
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
