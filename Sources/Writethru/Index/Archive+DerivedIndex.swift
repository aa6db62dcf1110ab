import Foundation
internal import GitStore
import StoryText

extension Archive {
    /// The derived index, built from the story branches first when it is missing or of an
    /// older layout (a fresh clone, an archive written by an older Writethru), then caught up
    /// with what writers that were killed moved but did not index and with branches another
    /// tool moved (`catchUpIndex`).
    func derivedIndex() throws(WritethruError) -> DerivedIndex {
        let index = try DerivedIndex(path: IndexLocation.path(ofArchive: path))
        index.learnAfterStories = config.reading.boilerplate.learnAfterStories
        index.journal = journal
        if !index.isBuilt {
            _ = try fill(index)
            try index.markBuilt()
            try? FileManager.default.removeItem(atPath: path + "/" + IndexLocation.legacyFolder)
        }
        index.caughtUp = try catchUpIndex(index)
        return index
    }

    /// Brings every story's rows in `index` to its branch; returns the number of stories and
    /// revisions read. Written a few hundred versions at a time, so memory stays flat.
    /// - Complexity: O(r) revisions read back from git for the r the index lacks.
    func fill(_ index: DerivedIndex) throws(WritethruError) -> (stories: Int, revisions: Int) {
        // The stamp from before the branches are read: a branch moved while they are read makes
        // the next command compare them all again.
        let stamp = refsStamp()
        let tips = try storyTips()
        var revisions = 0
        var start = 0
        while start < tips.count {
            let part = tips[start..<min(tips.count, start + Self.storiesPerIndexWrite)]
            try index.write { writer throws(WritethruError) in
                for (story, tip) in part { revisions += try catchUp(story, to: tip, in: writer) }
            }
            start += part.count
        }
        try index.write { writer throws(WritethruError) in
            let known = Set(tips.map(\.0.value))
            for story in try writer.tips().keys where !known.contains(story) { try writer.forget(story, texts: self) }
            try writer.setSetting(Self.refsStampSetting, stamp)
        }
        return (tips.count, revisions)
    }

    /// Stories learned in one transaction when the index is built from the branches.
    static let storiesPerIndexWrite = 200

    /// Brings one story's rows to `tip` (default: its branch's): the versions the rows lack
    /// are read back from git, or, when the indexed tip is not in the branch's history (the
    /// history was replaced), the story is learned again whole. Returns the versions read.
    /// - Complexity: O(v) commits walked, plus one meta.json and article read per version the
    ///  index lacks.
    @discardableResult
    func catchUp(_ story: StoryID, to tip: ObjectID? = nil, in writer: IndexWriter) throws(WritethruError) -> Int {
        let state = try writer.state(of: story.value)
        let branchTip: ObjectID? = if let tip { tip } else { try self.tip(of: story) }
        guard let branchTip else {
            if state != nil { try writer.forget(story.value, texts: self) }
            return 0
        }
        if state?.tip == branchTip.hex { return 0 }
        let commits = try history(of: story, from: branchTip)
        var from = 0
        var base = state
        if let state {
            if state.versions > 0, state.versions <= commits.count, commits[state.versions - 1].hex == state.tip {
                from = state.versions
            } else {
                try writer.forget(story.value, texts: self)
                base = nil
            }
        }
        var versions: [IndexedVersion] = []
        for offset in from..<commits.count {
            versions.append(try indexedVersion(commits[offset], number: offset + 1, of: story))
        }
        try writer.apply(story.value, versions, after: base)
        return versions.count
    }

    /// What one recorded version adds to the index, read back from git.
    func indexedVersion(_ commit: ObjectID, number: Int, of story: StoryID) throws(WritethruError) -> IndexedVersion {
        let meta = try meta(of: commit)
        let markdown = try article(at: commit)
        guard let updated = Timestamp.parse(meta.updated), let recorded = Timestamp.parse(meta.recorded) else {
            throw .storage("revision \(commit.short()) of \(story) has an unreadable time in meta.json")
        }
        let keys = RevisionKeys(url: meta.url, headline: ArticleMarkdown.headline(of: markdown),
                                paragraphs: ArticleMarkdown.paragraphs(of: markdown),
                                learned: meta.removed.filter { $0.rule == "learned" }.map(\.text))
        return IndexedVersion(number: number, commit: commit.hex, tag: meta.tag,
                              updated: Int64(updated.timeIntervalSince1970.rounded(.down)),
                              recorded: Int64(recorded.timeIntervalSince1970.rounded(.down)), headline: meta.headline,
                              keys: keys)
    }
}
