extension Array {
    /// The element at `index`, or nil when `index` is nil or outside the array.
    public subscript(safe index: Int?) -> Element? {
        guard let index, indices.contains(index) else { return nil }
        return self[index]
    }
}
