/// An element's attributes in source order, the first of a repeated name winning as in
/// browsers. A short list searched by name: elements have a handful of attributes, and a scan
/// of a few short strings is cheaper than hashing one.
struct HTMLAttributes: Sendable {
    private var names: [String] = []
    private var values: [String] = []

    static let none = HTMLAttributes()

    init() {}

    /// Room for `count` attributes, allocated once.
    init(reservingCapacity count: Int) {
        names.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    var isEmpty: Bool { names.isEmpty }

    /// The value of the attribute `name` (lower case), if present.
    ///
    /// - Complexity: O(a) for the element's a attributes.
    subscript(name: String) -> String? {
        for (index, candidate) in names.enumerated() where candidate == name { return values[index] }
        return nil
    }

    /// Adds an attribute unless one of that name is already there.
    mutating func add(_ name: String, _ value: String) {
        guard self[name] == nil else { return }
        names.append(name)
        values.append(value)
    }
}
