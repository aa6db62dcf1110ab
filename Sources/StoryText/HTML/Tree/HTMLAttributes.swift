/// An element's attributes in source order, the first of a repeated name winning as in
/// browsers. A short list searched by name: elements have a handful of attributes, and a scan
/// of a few short strings is cheaper than hashing one.
struct HTMLAttributes: Sendable {
    /// Names with their values: one allocation an element.
    private var pairs: [(name: String, value: String)] = []

    static let none = HTMLAttributes()

    init() {}

    /// Room for `count` attributes, allocated once.
    init(reservingCapacity count: Int) {
        pairs.reserveCapacity(count)
    }

    var isEmpty: Bool { pairs.isEmpty }

    /// The value of the attribute `name` (lower case), if present.
    ///
    /// - Complexity: O(a) for the element's a attributes.
    subscript(name: String) -> String? {
        // The page reaches libxml2 without the attributes nobody reads (`UnreadAttributes`).
        assert(UnreadAttributes.read.contains(name), "\(name) is read but cut before parsing: add it to UnreadAttributes.read")
        return value(of: name)
    }

    private func value(of name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// Adds an attribute unless one of that name is already there.
    mutating func add(_ name: String, _ text: String) {
        guard value(of: name) == nil else { return }
        pairs.append((name, text))
    }
}
