import Foundation
internal import GitStore
import SQLiteStore

extension Archive {
    /// Learns what the index lacks when it is opened:
    /// - what writers that are no longer running moved but did not write to the index: a writer
    ///   notes each story in its journal before it moves the story's branch and marks the
    ///   journal once the index has the revision, so a dead process's journal names exactly the
    ///   stories whose latest revisions the index may lack (a `kill -9`, a power cut between the
    ///   branch and the index). Each is learned again from its branch, then the journal is
    ///   deleted, or kept, marked, while a lock file it may have left is still there
    ///   (`writethru locks` names its writer);
    /// - branches another tool moved (a `git push` into the archive, `git update-ref`): the
    ///   index keeps a stamp of the references (`refsStamp`) as they were when it last had them
    ///   all; when the stamp differs, every branch's tip is compared with the story's indexed
    ///   tip and the stories that differ are learned again.
    /// Returns the stories the journals named (those moved by other tools are in
    /// `index.movedByOthers`).
    /// - Complexity: two `stat`s and one directory listing when nothing changed; else O(s) for
    ///  s branches compared, plus O(v) revisions read for each story learned again.
    @discardableResult
    func catchUpIndex(_ index: DerivedIndex) throws(WritethruError) -> [StoryID] {
        var caughtUp: [StoryID] = []
        let abandoned = WriterRecord.all(in: path).filter { $0.isRunning == false }
        if !abandoned.isEmpty {
            let stories = abandoned.reduce(into: Set<StoryID>()) { $0.formUnion($1.unindexed) }.sorted()
            try index.write { writer throws(WritethruError) in
                for story in stories {
                    guard (try? catchUp(story, in: writer)) != nil else { continue }
                    caughtUp.append(story)
                }
            }
            for record in abandoned {
                if record.stories.contains(where: { FileManager.default.fileExists(atPath: lockPath(of: $0)) }) {
                    if !record.unindexed.isEmpty { record.markIndexed() }
                } else {
                    unlink(record.path)
                }
            }
        }
        let stamp = refsStamp()
        let stored = try index.read { (database: Database) throws(SQLiteError) in
            try DerivedIndex.storedSetting(database, Self.refsStampSetting)
        }
        if stored != stamp {
            let moved = try index.write { writer throws(WritethruError) -> [StoryID] in
                var moved: [StoryID] = []
                let indexed = try writer.tips()
                let tips = try storyTips()
                for (story, tip) in tips where indexed[story.value] != tip.hex {
                    // A revision that cannot be read is `verify`'s to report; the story is
                    // learned again by `reindex` once it is repaired.
                    guard (try? catchUp(story, to: tip, in: writer)) != nil else { continue }
                    moved.append(story)
                }
                let live = Set(tips.map(\.0.value))
                for story in indexed.keys where !live.contains(story) { try writer.forget(story, texts: self) }
                try writer.setSetting(Self.refsStampSetting, stamp)
                return moved
            }
            index.movedByOthers = moved.filter { !caughtUp.contains($0) }
        }
        index.referencesStamp = stamp
        return caughtUp.sorted()
    }

    /// Stores the references' stamp after a write when nothing but Writethru writers moved a
    /// branch since `index` was opened (the stored stamp is still the one it saw then): the
    /// next command then need not compare every branch.
    func noteReferences(_ index: DerivedIndex, in writer: IndexWriter) throws(WritethruError) {
        guard let seen = index.referencesStamp, try writer.setting(Self.refsStampSetting) == seen else { return }
        let now = refsStamp()
        try writer.setSetting(Self.refsStampSetting, now)
        index.referencesStamp = now
    }

    static let refsStampSetting = "refs"

    /// What changes whenever a story branch moves: the modification time (nanoseconds), size
    /// and inode of `packed-refs` and the modification time of the folder of loose story
    /// branches (git writes a branch through a lock file renamed into place, which touches the
    /// folder). On a file system with whole-second times, two moves in one second look alike
    /// to it; `verify` and `reindex` compare every branch whatever the stamp.
    func refsStamp() -> String {
        func stamp(_ file: String) -> String {
            var status = stat()
            guard stat(file, &status) == 0 else { return "-" }
            return "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_size):\(status.st_ino)"
        }
        return stamp(path + "/packed-refs") + " " + stamp(path + "/" + Self.storyBranchPrefix.dropLast())
    }

    /// Where git puts the lock file of a story's branch.
    func lockPath(of story: StoryID) -> String {
        path + "/" + story.referenceName + ".lock"
    }
}
