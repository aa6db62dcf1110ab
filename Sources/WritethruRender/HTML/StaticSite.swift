import Writethru

/// The static site of a whole archive (`writethru site`): DIR/index.html lists every story,
/// DIR/stories/<id>.html is its report.
public enum StaticSite {
    /// What a site holds once written.
    public struct Written: Sendable {
        /// Story pages, one per story (the index is not counted).
        public let pages: Int
        /// The bytes of every page written, the index included.
        public let bytes: Int
    }

    /// Writes the index and every story's report under `directory` (created when missing).
    /// Each page is written whole, to a temporary file then renamed (`ReportFile`), so a server
    /// that serves the directory meanwhile never sends half a page; the index is written last,
    /// so it links only to reports that are already there.
    ///
    /// - Complexity: one timeline per story, built and written one story at a time: memory
    ///   holds one story's report and a row per story for the index, not the whole site.
    public static func write(_ archive: Archive, to directory: String) throws(WritethruError) -> Written {
        let stories = try archive.storyIDs()
        try ReportFile.makeDirectory(directory + "/stories")
        var entries: [StoryPage.IndexEntry] = []
        var bytes = 0
        for story in stories {
            let timeline = try archive.timeline(story: story)
            let html = StoryPage.report(timeline, indexLink: "../index.html")
            try ReportFile.write(html, to: directory + "/" + StoryPage.sitePath(of: story))
            bytes += html.utf8.count
            entries.append(StoryPage.IndexEntry(timeline))
        }
        let index = StoryPage.siteIndex(entries)
        try ReportFile.write(index, to: directory + "/index.html")
        bytes += index.utf8.count
        return Written(pages: stories.count, bytes: bytes)
    }
}
