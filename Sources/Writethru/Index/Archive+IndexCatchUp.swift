import Foundation
internal import GitStore

extension Archive {
    /// Learns what writers that are no longer running moved but did not write to the derived
    /// index: a writer notes each story in its journal before it moves the story's branch and
    /// marks the journal once the index has the revision, so a journal of a dead process names
    /// exactly the stories whose latest revisions the index may lack (a `kill -9`, a power cut
    /// between the branch and the index). Each is learned again from its branch (learning a
    /// revision twice changes nothing), then the journal is deleted, or kept, marked, while a
    /// lock file it may have left is still there (`writethru locks` names its writer).
    /// Returns the stories caught up.
    /// - Complexity: one directory listing when no writer died; else O(v) revisions read for each
    ///  story the dead writers named.
    @discardableResult
    func catchUpIndex(_ index: DerivedIndex) throws(WritethruError) -> [StoryID] {
        let abandoned = WriterRecord.all(in: path).filter { $0.isRunning == false }
        guard !abandoned.isEmpty else { return [] }
        let stories = abandoned.reduce(into: Set<StoryID>()) { $0.formUnion($1.unindexed) }.sorted()
        for story in stories { try learnStory(story, into: index) }
        index.flush()
        for record in abandoned {
            if record.stories.contains(where: { FileManager.default.fileExists(atPath: lockPath(of: $0)) }) {
                if !record.unindexed.isEmpty { record.markIndexed() }
            } else {
                unlink(record.path)
            }
        }
        return stories
    }

    /// Where git puts the lock file of a story's branch.
    func lockPath(of story: StoryID) -> String {
        path + "/" + story.referenceName + ".lock"
    }
}
