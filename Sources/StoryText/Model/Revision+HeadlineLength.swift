extension Revision {
    /// The most characters a headline line (its version tag included) may have. Real headlines,
    /// wire or web, stay far below it (the longest seen run to some 200, a page title with its
    /// site name to some 300); a longer line is a paragraph, or a whole file on one line, and
    /// taking it as the headline would make every listing of the story print it.
    public static let maximumHeadlineLength = 400

    /// Refuses a headline line longer than `maximumHeadlineLength`: such an input has no headline.
    /// - Complexity: O(1) for a line of at most `maximumHeadlineLength` UTF-8 bytes, else O(n).
    static func checkHeadlineLength(_ line: String) throws(ReadingError) {
        guard line.utf8.count > maximumHeadlineLength else { return }
        let characters = line.count
        if characters > maximumHeadlineLength { throw .headlineTooLong(characters: characters) }
    }
}
