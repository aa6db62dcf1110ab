import Testing
@testable import StoryText

/// The tree builder's shared pieces: names made once a page (`NameCache`), their `TagFacts`,
/// and every node's attributes in one table (`AttributeTable`).
@Suite struct TreeBuildingTests {
    @Test func namesCacheByAddressAndCheckTheBytes() {
        let cache = NameCache()
        var buffer: [UInt8] = Array("div".utf8) + [0]
        buffer.withUnsafeBufferPointer { (pointer: UnsafeBufferPointer<UInt8>) -> Void in
            guard let base = pointer.baseAddress else {
                Issue.record("no buffer")
                return
            }
            #expect(cache.name(base).name == "div")
            #expect(cache.name(base).facts.contains(.block))
        }
        // The same address holding another name (a reused buffer) gives that name.
        buffer = Array("img".utf8) + [0]
        buffer.withUnsafeBufferPointer { (pointer: UnsafeBufferPointer<UInt8>) -> Void in
            guard let base = pointer.baseAddress else {
                Issue.record("no buffer")
                return
            }
            #expect(cache.name(base).name == "img")
            #expect(cache.name(base).facts == TagFacts.of("img"))
            #expect(cache.name(base).facts.contains(.image))
        }
    }

    @Test func factsSayWhatTheTagSetsSay() {
        for name in ["p", "div", "a", "h1", "h2", "hr", "hx", "article", "main", "svg", "nav", "img", "li", "input",
                     "select", "video", "html", "body", "style", "script", "span", "", "#document"] {
            let facts = TagFacts.of(name)
            #expect(facts.contains(.block) == PageStatistics.blockTags.contains(name), "\(name)")
            #expect(facts.contains(.landmark) == PageStatistics.landmarkTags.contains(name), "\(name)")
            #expect(facts.contains(.dropped) == Furniture.droppedTags.contains(name), "\(name)")
            #expect(facts.contains(.heading) == (name.utf8.count == 2 && name.hasPrefix("h") && name != "hr"), "\(name)")
        }
    }

    @Test func attributesKeepTheFirstOfARepeatedNameAndStayWithTheirElement() {
        let root = HTMLDocument.parse(#"<html><body><div id="a" class="x" id="b"><p>t</p><span class="y" CLASS="z"></span></div></body></html>"#)
        let tree = root.tree
        let div = root.first { $0.name == "div" }, span = root.first { $0.name == "span" }
        #expect(div?.attribute("id") == "a")
        #expect(div?.attribute("class") == "x")
        #expect(span?.attribute("class") == "y")
        #expect(root.first { $0.name == "p" }?.attributes.isEmpty == true)
        #expect((0..<tree.count).filter { tree.kinds[$0] == .text }.allSatisfy { tree.attributes[$0].isEmpty })
        #expect(tree.attributes.count == tree.count)
    }
}
