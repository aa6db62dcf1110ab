/// Small text helpers of the claim extractor.
extension String {
    /// Without its commas: "1,200" -> "1200", for reading a printed number.
    func replacingCommas() -> String { String(filter { $0 != "," }) }

    /// Without leading and trailing spaces, then without trailing commas and periods: a quote
    /// as it is reported ("talks were frank," -> "talks were frank").
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        while let last = text.last, [",", "."].contains(last) { text = text.dropLast() }
        return String(text)
    }
}
