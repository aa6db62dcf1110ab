extension String {
    /// The string right-aligned in `width` columns (paragraph numbers in `parse`); a longer
    /// one is left as it is.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
