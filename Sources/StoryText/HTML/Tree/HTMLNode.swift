/// One node of a parsed page: a view into its `HTMLTree`, so copying a node copies two words and
/// nothing from libxml2 outlives the parse.
struct HTMLNode: Sendable {
    enum Kind: Sendable { case element, text }
    let tree: HTMLTree
    /// The node's position in document order.
    let index: Int

    var kind: Kind { tree.kinds[index] }
    /// Lower-case tag name for elements, empty for text.
    var name: String { tree.names[index] }
    var attributes: HTMLAttributes { tree.attributes[index] }
    /// The text of a text node.
    var text: String { tree.texts[index] }
    /// The children in order, walked in place (no array is made).
    var children: Children { Children(tree: tree, parent: index) }

    struct Children: Sequence {
        let tree: HTMLTree
        let parent: Int

        func makeIterator() -> Iterator { Iterator(tree: tree, position: parent + 1, end: tree.ends[parent]) }

        struct Iterator: IteratorProtocol {
            let tree: HTMLTree
            var position: Int
            let end: Int

            mutating func next() -> HTMLNode? {
                guard position < end else { return nil }
                defer { position = tree.ends[position] }
                return HTMLNode(tree: tree, index: position)
            }
        }
    }
    var parent: HTMLNode? {
        let parent = tree.parents[index]
        return parent >= 0 ? HTMLNode(tree: tree, index: parent) : nil
    }

    func attribute(_ name: String) -> String? { tree.attributes[index][name] }

    /// All text below this node, in document order, unnormalised.
    ///
    /// - Complexity: O(s) for the s nodes of its subtree.
    var textContent: String {
        var result = ""
        for i in index..<tree.ends[index] where tree.kinds[i] == .text { result += tree.texts[i] }
        return result
    }

    /// The elements below this node that satisfy `predicate`, in document order.
    ///
    /// - Complexity: O(s) predicate calls for the s nodes of its subtree.
    func descendants(where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        for i in (index + 1)..<max(index + 1, tree.ends[index]) where tree.kinds[i] == .element {
            let node = HTMLNode(tree: tree, index: i)
            if predicate(node) { found.append(node) }
        }
        return found
    }

    /// The first element below this node, in document order, that satisfies `predicate`.
    func first(where predicate: (HTMLNode) -> Bool) -> HTMLNode? {
        for i in (index + 1)..<max(index + 1, tree.ends[index]) where tree.kinds[i] == .element {
            let node = HTMLNode(tree: tree, index: i)
            if predicate(node) { return node }
        }
        return nil
    }
}
