import ArgumentParser
import Foundation
import Writethru
import WritethruRender

/// The options of `--format post` (`timeline`, `audit`): which update, how long a post may be,
/// and where the story's page is published.
struct PostOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "With --format post: the update to write about (a number, tag or commit prefix; default: the latest).",
        valueName: "version"))
    var version: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --format post: the longest post, in characters (graphemes): 300 for Bluesky, 500 for Mastodon.",
        valueName: "n"))
    var limit: Int = PostWriter.defaultLimit

    @Option(name: .customLong("link-base"), help: ArgumentHelp(
        "With --format post: the site's address; each post thread ends with <url>/stories/<id>.html.",
        valueName: "url"))
    var linkBase: String?

    /// Whether any option was given (they mean something only with --format post).
    var isSet: Bool { version != nil || limit != PostWriter.defaultLimit || linkBase != nil }

    /// The writer these options describe; a limit below `PostWriter.minimumLimit` or a link base
    /// with a line break or control character is a usage error.
    func writer() throws(WritethruError) -> PostWriter {
        guard limit >= PostWriter.minimumLimit else {
            throw .usage("--limit must be at least \(PostWriter.minimumLimit) characters for posts")
        }
        if let linkBase, linkBase.isEmpty || linkBase.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control || $0 == " "
        }) {
            throw .usage("--link-base '\(linkBase)' is not a URL (no spaces or control characters)")
        }
        return PostWriter(limit: limit, linkBase: linkBase)
    }

    /// Refuses the options when the format is not `post`.
    func check(isPost: Bool) throws(WritethruError) {
        if !isPost, isSet { throw .usage("--version, --limit and --link-base need --format post") }
    }
}

extension PostOptions {
    /// The updates to write posts about: with `since`, every version updated at or after it
    /// (for an audit, the first version aside: it has nothing to check); else the one
    /// `--version` names, the latest by default.
    func digests(_ timeline: StoryTimeline, since: Date?,
                 focus: PostWriter.Focus) throws(WritethruError) -> [UpdateDigest] {
        if let since {
            if version != nil { throw .usage("--version and --since cannot be used together") }
            return TimelineReport.shown(timeline, since: since)
                .filter { focus == .update || $0.step != nil }
                .map { UpdateDigest(story: timeline.story, version: $0) }
        }
        let entry = try Archive.version(version, among: timeline.versions.map(\.entry), story: timeline.story)
        return timeline.versions.filter { $0.entry.number == entry.number }
            .map { UpdateDigest(story: timeline.story, version: $0) }
    }
}
