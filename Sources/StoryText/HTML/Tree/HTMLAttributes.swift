/// An element's attributes in source order, the first of a repeated name winning as in
/// browsers. A short list searched by name: elements have a handful of attributes, and a scan
/// of a few short strings is cheaper than hashing one. The list is a slice of its tree's one
/// array of attributes (`AttributeTable`): no allocation an element.
struct HTMLAttributes: Sendable {
    fileprivate let pairs: ArraySlice<(name: String, value: String)>

    static let none = HTMLAttributes(pairs: [])

    fileprivate init(pairs: ArraySlice<(name: String, value: String)>) { self.pairs = pairs }

    var isEmpty: Bool { pairs.isEmpty }

    /// The value of the attribute `name` (lower case), if present.
    ///
    /// - Complexity: O(a) for the element's a attributes.
    subscript(name: String) -> String? {
        // The page reaches libxml2 without the attributes nobody reads (`UnreadAttributes`).
        assert(UnreadAttributes.read.contains(name), "\(name) is read but cut before parsing: add it to UnreadAttributes.read")
        return Self.value(of: name, in: pairs)
    }

    fileprivate static func value(of name: String, in pairs: ArraySlice<(name: String, value: String)>) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }
}

/// The attributes of every node of a tree, in one array: node `i` has `pairs[starts[i] ..< starts[i + 1]]`.
struct AttributeTable: Sendable {
    private var pairs: [(name: String, value: String)] = []
    /// Where each node's attributes start; one more entry than nodes, the end.
    private var starts: [Int] = [0]

    init() {}

    var count: Int { starts.count - 1 }

    subscript(index: Int) -> HTMLAttributes {
        HTMLAttributes(pairs: pairs[starts[index]..<starts[index + 1]])
    }

    /// A node after the others, with no attributes yet.
    mutating func appendNode() { starts.append(pairs.count) }

    /// Adds an attribute to the last node unless it has one of that name already.
    mutating func add(_ name: String, _ value: String) {
        guard let first = starts.dropLast().last,
              HTMLAttributes.value(of: name, in: pairs[first...]) == nil else { return }
        pairs.append((name, value))
        starts[starts.count - 1] = pairs.count
    }
}
