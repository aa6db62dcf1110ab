/// An HTML page parsed by libxml2's HTML parser (the parser lxml and trafilatura use), copied
/// into plain Swift values so nothing from libxml2 outlives the parse.
struct HTMLNode: Sendable {
    enum Kind: Sendable { case element, text }
    let kind: Kind
    /// Lower-case tag name for elements, empty for text.
    let name: String
    let attributes: [String: String]
    let children: [HTMLNode]
    /// The text of a text node.
    let text: String

    func attribute(_ name: String) -> String? { attributes[name] }

    /// All text below this node, in document order, unnormalised.
    var textContent: String {
        kind == .text ? text : children.map(\.textContent).joined()
    }

    /// Depth-first, document order.
    func descendants(where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        collect(into: &found, predicate)
        return found
    }

    private func collect(into found: inout [HTMLNode], _ predicate: (HTMLNode) -> Bool) {
        for child in children where child.kind == .element {
            if predicate(child) { found.append(child) }
            child.collect(into: &found, predicate)
        }
    }

    func first(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        for child in children where child.kind == .element {
            if predicate(child) { return child }
            if let inner = child.first(where: predicate) { return inner }
        }
        return nil
    }
}
