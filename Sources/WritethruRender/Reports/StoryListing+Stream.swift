import Writethru

extension StoryListing {
    /// Output is handed on in chunks of a little over this many bytes: few writes, little held.
    public static let flushBytes = 1 << 16

    /// Writes the listing of every story that `forEachStory` yields to `output` while the
    /// stories are read: the first `widthSample` summaries are held to size the id column, then
    /// each row is written as its story comes, in chunks of about `flushBytes`, so the listing
    /// of a large archive starts at once and is never held whole.
    ///
    /// - Parameter forEachStory: calls its argument with each story in listing order, such as
    ///   `Archive.forEachStory`.
    /// - Complexity: O(n) in the stories; memory holds at most `widthSample` summaries and about
    ///   `flushBytes` of output.
    public static func stream<Failure: Error>(
        format: ListFormat, from forEachStory: ((StorySummary) -> Void) throws(Failure) -> Void,
        to output: inout some TextOutputStream
    ) throws(Failure) {
        var sample: [StorySummary] = []
        var listing: StoryListing?
        var buffer = ""
        var count = 0
        func append(_ summary: StorySummary, with listing: StoryListing) {
            buffer += listing.row(summary, position: count)
            count += 1
            if buffer.utf8.count > flushBytes {
                output.write(buffer)
                buffer = ""
            }
        }
        func start() -> StoryListing {
            let started = StoryListing(format: format, idWidth: sample.map { Self.name($0).count }.max() ?? 0)
            buffer = started.start
            for summary in sample { append(summary, with: started) }
            sample = []
            listing = started
            return started
        }
        try forEachStory { summary in
            if let listing {
                append(summary, with: listing)
            } else {
                sample.append(summary)
                if sample.count == widthSample { _ = start() }
            }
        }
        let finished = listing ?? start()
        output.write(buffer + finished.end(count: count))
    }
}
