/// A parsed page as flat arrays in document (pre-)order: node `i`'s subtree is the index range
/// `i ..< end[i]`, its parent is `parent[i]`. Nothing here is recursive, so a page nested
/// 10,000 levels deep costs no more stack than a flat one, and subtree sums are one backward
/// pass (every child comes after its parent).
final class HTMLTree: Sendable {
    let kinds: [HTMLNode.Kind]
    /// Lower-case tag names; empty for text nodes. Index 0 is the synthetic `#document`.
    let names: [String]
    /// What each element's tag name says (`TagFacts`); empty for text nodes.
    let facts: [TagFacts]
    let attributes: AttributeTable
    /// The text of text nodes; empty for elements.
    let texts: [String]
    let parents: [Int]
    let ends: [Int]

    init(kinds: [HTMLNode.Kind], names: [String], facts: [TagFacts], attributes: AttributeTable, texts: [String],
         parents: [Int], ends: [Int]) {
        self.kinds = kinds
        self.names = names
        self.facts = facts
        self.attributes = attributes
        self.texts = texts
        self.parents = parents
        self.ends = ends
    }

    var count: Int { kinds.count }
    var root: HTMLNode { HTMLNode(tree: self, index: 0) }

    /// The children of node `index`, in order.
    ///
    /// - Complexity: O(c) for its c children.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < ends[index] {
            result.append(child)
            child = ends[child]
        }
        return result
    }
}

/// Builds an `HTMLTree` from start, end and text events (the SAX callbacks of libxml2's HTML
/// parser). Adjacent text events merge into one text node; nesting stops at `maximumDepth`.
struct HTMLTreeBuilder {
    private var kinds: [HTMLNode.Kind] = [.element]
    private var names: [String] = ["#document"]
    private var facts: [TagFacts] = [TagFacts.of("#document")]
    private var attributes: AttributeTable = {
        var table = AttributeTable()
        table.appendNode()
        return table
    }()
    private var texts: [String] = [""]
    private var parents: [Int] = [-1]
    private var ends: [Int] = [0]
    /// Open elements, innermost last; index 0 (the document) is never closed.
    private var open: [Int] = [0]

    /// Elements nested deeper than this become siblings of the innermost one, as Blink's HTML
    /// parser does at 512: a page nested 10,000 levels deep keeps every element and its text,
    /// and no walk over the tree ever goes deeper than this.
    static let maximumDepth = 512

    /// Opens an element named `name` (whose `TagFacts` are `nameFacts`); its attributes follow
    /// (`attribute(_:_:)`).
    mutating func start(_ name: String, facts nameFacts: TagFacts) {
        if open.count > Self.maximumDepth, let innermost = open.popLast() { ends[innermost] = kinds.count }
        let index = kinds.count
        kinds.append(.element)
        names.append(name)
        facts.append(nameFacts)
        attributes.appendNode()
        texts.append("")
        parents.append(open.last ?? 0)
        ends.append(0)
        open.append(index)
    }

    /// Adds an attribute to the element just opened, unless it has one of that name already
    /// (the first wins, as in browsers).
    mutating func attribute(_ name: String, _ value: String) { attributes.add(name, value) }

    /// Closes the innermost open element named `name` and everything opened inside it; an end
    /// tag with no open element of that name is ignored, as browsers do.
    mutating func end(_ name: String) {
        guard let position = open.lastIndex(where: { names[$0] == name }), position > 0 else { return }
        for index in open[position...] { ends[index] = kinds.count }
        open.removeSubrange(position...)
    }

    /// Whether text at this point is code nobody reads: inside a `<script>` (but a JSON-LD
    /// one, which holds the page's metadata) or a `<style>`. Its bytes are never copied.
    var inCode: Bool {
        guard let innermost = open.last else { return false }
        let tag = facts[innermost]
        if tag.contains(.style) { return true }
        return tag.contains(.script) && attributes[innermost]["type"]?.lowercased() != "application/ld+json"
    }

    /// Text as libxml2 hands it over: decoded here, in place, and only when it is not code
    /// (checking `inCode` from outside would copy the builder, every array of it, each call).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, !inCode else { return }
        text(String(decoding: bytes, as: UTF8.self))
    }

    mutating func text(_ text: String) {
        guard !text.isEmpty else { return }
        if let last = kinds.indices.last, kinds[last] == .text, parents[last] == open.last {
            texts[last] += text
            return
        }
        kinds.append(.text)
        names.append("")
        facts.append([])
        attributes.appendNode()
        texts.append(text)
        parents.append(open.last ?? 0)
        ends.append(kinds.count)
    }

    consuming func finish() -> HTMLTree {
        for index in open { ends[index] = kinds.count }
        return HTMLTree(kinds: kinds, names: names, facts: facts, attributes: attributes, texts: texts, parents: parents, ends: ends)
    }
}
