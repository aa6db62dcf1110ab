import Foundation
import Testing
import TestSupport
@testable import StoryText

/// Cutting the unread attributes before libxml2 reads a page (`UnreadAttributes`) changes
/// nothing the reader sees: the same nodes, names, texts and read attributes as the page parsed
/// whole, on generated markup full of the cases libxml2 reads its own way, and on the shared
/// benchmark pages when they are there.
@Suite struct UnreadAttributesTests {
    /// A deterministic pseudo-random sequence (LCG), so every run makes the same pages.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % max(bound, 1)
        }
    }

    static let names = ["class", "ID", "data-component", "itemprop", "role", "rel", "type", "content", "property",
                        "name", "datetime", "pubdate", "hidden", "aria-hidden", "style", "href", "HREF", "src",
                        "srcset", "data-src", "onclick", "alt", "title", "d", "x:y", "_a", ".b", "@click", "[x]",
                        "#ref", "a\u{C}b", String(repeating: "n", count: 101), "data-x\u{E9}"]
    static let values = ["", "a", "byline author", "x y", "1", "a&amp;b", "&#62;", "<b>", "</title>", "-->", "'q'",
                         "\"q\"", "a>b", "/", "display:none", "é", "application/ld+json", "canonical", "\t", "a/"]
    static let tags = ["div", "p", "a", "span", "meta", "link", "img", "time", "article", "br", "svg", "path", "DIV",
                       "h1", "li", "ul", "header", "section", "x-y", "t:n", "body", "html", "head"]
    static let blanks = [" ", "  ", "\n", "\t", "\r", "\u{C}", ""]

    static func attribute(_ random: inout Generator) -> String {
        let name = names[random.next(names.count)]
        let value = values[random.next(values.count)]
        switch random.next(6) {
        case 0: return name
        case 1: return name + "=\"" + value + "\""
        case 2: return name + "='" + value + "'"
        case 3: return name + "=" + value
        case 4: return name + blanks[random.next(blanks.count)] + "=" + blanks[random.next(blanks.count)] + "\"" + value + "\""
        default: return name + "=\"" + value
        }
    }

    static func piece(_ random: inout Generator) -> String {
        let tag = tags[random.next(tags.count)]
        switch random.next(20) {
        case 0..<8:
            let attributes = (0..<random.next(5)).map { _ in blanks[random.next(blanks.count)] + attribute(&random) }
            return "<" + tag + attributes.joined() + [">", "/>", " >", "", " / >"][random.next(5)]
        case 8..<11: return "</" + tag + ["", " x=\">\"", " ", "<"][random.next(4)] + ">"
        case 11..<14: return ["Text ", "more, words. ", "a < b ", "&amp; ", "x>y ", "é ", "\n"][random.next(7)]
        case 14: return ["<!-- c -->", "<!-- <b class=x src=y> -->", "<!-- a --!> <i src=\"-->\"> -->", "<!--->",
                         "<!-- open"][random.next(5)]
        case 15: return ["<!DOCTYPE html>", "<!doctype html PUBLIC \"-//W3C\" \"x.dtd\">", "<!DOCTYPE x 'a>b'>",
                         "<!x>", "<![CDATA[ <b src=q> ]]>"][random.next(5)]
        case 16: return ["<?xml version=\"1.0\"?>", "<? x>", "<?>", "<?p <b>?>"][random.next(4)]
        case 17: return ["<title>T <b class=a src=b></title>", "<title>Plain</title>", "<xmp><i src=a></xmp>"][random.next(3)]
        case 18: return ["<script>var a = '<div src=x>';</script>", "<script type=\"application/ld+json\">{\"a\": \"<!--<script>\"}</script>",
                         "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>", "<style>p{}</style>",
                         "<textarea><p src=x></textarea>"][random.next(5)]
        default: return ["<", "< p>", "<3", "</ x>", "</>", "<a href=x<b>"][random.next(6)]
        }
    }

    /// Whether the two trees have the same nodes and the same values of every read attribute.
    static func same(_ cut: HTMLTree, _ whole: HTMLTree) -> Bool {
        guard cut.kinds == whole.kinds, cut.names == whole.names, cut.texts == whole.texts, cut.parents == whole.parents,
              cut.ends == whole.ends else { return false }
        for index in 0..<cut.count {
            // `href` is read on <link> only.
            for name in UnreadAttributes.read where name != "href" || cut.names[index] == "link" {
                if cut.attributes[index][name] != whole.attributes[index][name] { return false }
            }
        }
        return true
    }

    @Test func cuttingChangesNothingReadOnGeneratedMarkup() {
        var random = Generator(state: 14)
        for _ in 0..<4_000 {
            let page = (0..<random.next(30)).map { _ in Self.piece(&random) }.joined()
            let cut = HTMLDocument.parse(Array(page.utf8)).tree
            let whole = HTMLDocument.parse(Array(page.utf8), cuttingUnreadAttributes: false).tree
            #expect(Self.same(cut, whole), "\(page)")
        }
    }

    @Test func cuttingLeavesOutUnreadAttributesOnly() {
        let page = "<html><body><div class=\"byline\" data-x=\"1\" id=b src='s'><a href=\"/x\" rel=author onclick=\"f()\">Jane</a>"
            + "<link rel=canonical href=\"https://e.org/a\"><meta charset=utf-8 name=x content=y></div></body></html>"
        let bytes = ScriptData.elide(Array(page.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "<html><body><div class=\"byline\"  id=b ><a  rel=author >Jane</a>"
            + "<link rel=canonical href=\"https://e.org/a\"><meta charset=utf-8 name=x content=y></div></body></html>")
    }

    @Test func everyReadAttributeIsKept() {
        for name in UnreadAttributes.read {
            let tag = name == "href" ? "link" : "div"
            for spelled in [name, name.uppercased()] {
                let page = "<\(tag) \(spelled)=\"v\">"
                #expect(ScriptData.elide(Array(page.utf8)) == Array(page.utf8), "\(page)")
            }
        }
        #expect(ScriptData.elide(Array("<a href=\"v\">".utf8)) == Array("<a >".utf8))
    }

    @Test func cuttingChangesNothingReadOnTheBenchmarkPages() throws {
        let pages = Fixtures.root.appendingPathComponent("../shared/benchmarks/article-extraction/html").standardized
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: pages.path) else {
            print("UnreadAttributesTests: \(pages.path) is missing; the benchmark pages were not read")
            return
        }
        for file in files.sorted() where file.hasSuffix(".html.gz") {
            let html = try #require(Fixtures.gunzip(pages.appendingPathComponent(file)))
            let page = try HTMLDecoding.decode(html).utf8
            let cut = HTMLDocument.parse(page).tree
            let whole = HTMLDocument.parse(page, cuttingUnreadAttributes: false).tree
            #expect(Self.same(cut, whole), "\(file)")
        }
    }
}
