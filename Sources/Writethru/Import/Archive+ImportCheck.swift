import StoryText

extension Archive {
    /// Reads and checks one input of an import, as `record` checks it, except that a JSON Lines
    /// input keeps its good lines: the input with the revisions that can be recorded (nil when
    /// none can), and each line that cannot, named `file:line`, with its reason.
    /// - Complexity: as `RevisionReader.read`.
    static func checkKeepingGoodLines(_ item: RecordItem, reading: ReadingOptions, furniture: DerivedIndex)
        throws(WritethruError) -> (input: CheckedInput?, rejected: [WritethruError]) {
        let name = item.input.name
        let read: (revisions: [ReadRevision], rejected: [RejectedLine])
        do {
            read = try RevisionReader.readKeepingGoodLines(item.input.bytes, options: reading, furniture: furniture)
        } catch {
            throw .badInput(file: name, reason: error.description)
        }
        var rejected = read.rejected.map { (line: $0.line, error: WritethruError.badInput(
            file: name + ":\($0.line)", reason: $0.reason.description)) }
        var kept: [ReadRevision] = []
        for revision in read.revisions {
            guard item.story == nil else {
                kept.append(revision)
                continue
            }
            guard let line = revision.line else {
                // One revision, not a line of many: it fails the input, as in `record`.
                try checkStoryCanBeFound(revision.revision, file: name)
                kept.append(revision)
                continue
            }
            do {
                try checkStoryCanBeFound(revision.revision, file: name + ":\(line)")
                kept.append(revision)
            } catch {
                rejected.append((line, error))
            }
        }
        let input = kept.isEmpty ? nil : CheckedInput(item, reads: kept)
        return (input, rejected.sorted { $0.line < $1.line }.map(\.error))
    }
}
