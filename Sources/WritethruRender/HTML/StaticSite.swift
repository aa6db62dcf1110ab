import Writethru

/// The static site of a whole archive (`writethru site`): DIR/index.html lists every story,
/// DIR/stories/<id>.html is its report and DIR/stories/<id>.xml its Atom feed; DIR/feed.xml is
/// the feed of the latest updates of every story, DIR/undeclared.xml of those with audit
/// findings (docs/feeds.md).
public enum StaticSite {
    /// What a site holds once written.
    public struct Written: Sendable {
        /// Story pages, one per story (the index is not counted).
        public let pages: Int
        /// The bytes of every page written, the index included.
        public let bytes: Int
        /// The bytes of every feed written: one per story, the archive's and the undeclared one.
        public let feedBytes: Int
    }

    /// Writes the index, every story's report and feed, and the archive's two feeds under
    /// `directory` (created when missing). Links in the feeds are relative to each feed, or
    /// under `baseURL` when given (checked by `FeedLinks.baseURL(validating:)`). Each file is
    /// written whole, to a temporary file then renamed (`ReportFile`), so a server that serves
    /// the directory meanwhile never sends half a page; the index is written last, so it links
    /// only to reports that are already there.
    ///
    /// - Complexity: one timeline per story, built and written one story at a time: memory
    ///   holds one story's report, a row per story for the index and the archive feeds' entries
    ///   (`AtomFeed.defaultLimit` each), not the whole site.
    public static func write(_ archive: Archive, to directory: String,
                             baseURL: String? = nil) throws(WritethruError) -> Written {
        let stories = try archive.storyIDs()
        try ReportFile.makeDirectory(directory + "/stories")
        let author = archive.config.recorderName
        let archiveLinks = FeedLinks.site(base: baseURL, location: FeedLinks.archiveFeed)
        let undeclaredLinks = FeedLinks.site(base: baseURL, location: FeedLinks.undeclaredFeed)
        var latest = FeedCollector(limit: AtomFeed.defaultLimit, undeclaredOnly: false)
        var undeclared = FeedCollector(limit: AtomFeed.defaultLimit, undeclaredOnly: true)
        var entries: [StoryPage.IndexEntry] = []
        var bytes = 0
        var feedBytes = 0
        for story in stories {
            let timeline = try archive.timeline(story: story)
            // The story's feed sits beside its page (stories/<id>.xml).
            let storyFeed = StoryPage.FeedLink(title: "Updates to " + story.value, href: story.value + ".xml")
            let html = StoryPage.report(timeline, indexLink: "../index.html", feeds: [storyFeed])
            try ReportFile.write(html, to: directory + "/" + StoryPage.sitePath(of: story))
            bytes += html.utf8.count
            let links = FeedLinks.site(base: baseURL, location: FeedLinks.feed(of: story))
            let feed = AtomFeed.story(timeline, undeclaredOnly: false, links: links, author: author).xml
            try ReportFile.write(feed, to: directory + "/" + FeedLinks.feed(of: story))
            feedBytes += feed.utf8.count
            latest.add(timeline, links: archiveLinks)
            undeclared.add(timeline, links: undeclaredLinks)
            entries.append(StoryPage.IndexEntry(timeline))
        }
        let origin = try archive.origin()
        for (collector, links, name) in [(latest, archiveLinks, FeedLinks.archiveFeed),
                                         (undeclared, undeclaredLinks, FeedLinks.undeclaredFeed)] {
            let feed = AtomFeed.archive(collector, origin: origin, links: links, author: author).xml
            try ReportFile.write(feed, to: directory + "/" + name)
            feedBytes += feed.utf8.count
        }
        let index = StoryPage.siteIndex(entries, feeds: [
            StoryPage.FeedLink(title: "Latest updates", href: FeedLinks.archiveFeed),
            StoryPage.FeedLink(title: "Updates with undeclared changes or flags", href: FeedLinks.undeclaredFeed,
                               label: "Undeclared feed"),
        ])
        try ReportFile.write(index, to: directory + "/index.html")
        bytes += index.utf8.count
        return Written(pages: stories.count, bytes: bytes, feedBytes: feedBytes)
    }
}
